package com.tierpilot.customer.persistence;

import com.tierpilot.base.StoredText;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of customer exports: who exported, when, in which format, with which filter, how many rows. */
@Repository
public class ExportAuditRepository {

    private final JdbcClient jdbc;

    ExportAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(TenantId tenant, UserId user, Instant at, String format, String filter, long rows) {
        jdbc.sql("insert into export_audit (tenant_id, user_id, exported_at, format, filter, row_count)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(tenant.value(), user.value(), Timestamp.from(at), format, StoredText.clip(filter), rows)
                .update();
    }

    public long count(TenantId tenant) {
        return jdbc.sql("select count(*) from export_audit where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }
}
