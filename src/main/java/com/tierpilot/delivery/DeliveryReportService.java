package com.tierpilot.delivery;

import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.persistence.ConsentRepository;
import com.tierpilot.delivery.persistence.DeliveryReportRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery results from the SMS providers' status reports (Alibaba Cloud's SmsReport, Tencent Cloud's status
 * callback), posted to the company's secret callback address, the one its SMS replies use: each report turns the
 * company's sent message with that provider message id into DELIVERED or FAILED, once (a repeated callback changes
 * nothing), and the campaign's results count it per channel. E-mail has no such report: an SMTP server's 250 is SENT,
 * and a refusal at sending time FAILED with the address suppressed; a bounce that arrives later by mail is not read.
 */
@Service
@Transactional
public class DeliveryReportService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReportService.class);

    private final ConsentRepository hooks;
    private final DeliveryReportRepository store;
    private final Clock clock;

    DeliveryReportService(ConsentRepository hooks, DeliveryReportRepository store, Clock clock) {
        this.hooks = hooks;
        this.store = store;
        this.clock = clock;
    }

    /** Applies the reports to the company whose callback address this is; empty for an unknown address. */
    public Optional<Integer> handleReports(String hookToken, List<StatusReport> reports) {
        return hooks.replyHookTenant(SecretTokens.hash(hookToken)).map(tenant -> apply(tenant, reports));
    }

    private int apply(TenantId tenant, List<StatusReport> reports) {
        Instant now = clock.instant();
        int changed = 0;
        int failed = 0;
        for (StatusReport report : reports) {
            Instant at = report.reportedAt() == null || report.reportedAt().isAfter(now) ? now : report.reportedAt();
            if (store.apply(tenant, report, at)) {
                changed++;
                failed += report.delivered() ? 0 : 1;
            }
        }
        log.info("Tenant {}: {} of {} status reports applied ({} failed), the others were known or matched no sent"
                + " message", tenant, changed, reports.size(), failed);
        return changed;
    }
}
