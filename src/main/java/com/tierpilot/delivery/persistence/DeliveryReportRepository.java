package com.tierpilot.delivery.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.StatusReport;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The providers' status reports applied to the outbox: a sent message of the company, found by its provider and the
 * provider's message id (index ix_outbox_provider_message), becomes DELIVERED or FAILED once. A report for a message
 * in any other state (already reported, never sent, another company's) changes nothing.
 */
@Repository
public class DeliveryReportRepository {

    private static final int MAX_TEXT = 500;
    private static final int MAX_CODE = 64;

    private final JdbcTemplate jdbc;

    DeliveryReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one report; true when it changed a message. */
    public boolean apply(TenantId tenant, StatusReport report, Instant at) {
        if (report.delivered()) {
            return jdbc.update("update outbox_message set status = 'DELIVERED', delivered_at = ? where tenant_id = ?"
                    + " and provider = ? and provider_message_id = ? and status = 'SENT'", Timestamp.from(at),
                    tenant.value(), report.provider().name(), report.providerMessageId()) > 0;
        }
        return jdbc.update("update outbox_message set status = 'FAILED', failed_at = ?, error_code = ?,"
                + " error_detail = ? where tenant_id = ? and provider = ? and provider_message_id = ?"
                + " and status = 'SENT'", Timestamp.from(at), cut(report.code(), MAX_CODE),
                cut(report.detail(), MAX_TEXT), tenant.value(), report.provider().name(),
                report.providerMessageId()) > 0;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
