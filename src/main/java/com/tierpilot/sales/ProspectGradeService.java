package com.tierpilot.sales;

import com.tierpilot.base.TenantId;
import com.tierpilot.sales.persistence.ProspectGradeRepository;
import com.tierpilot.tenant.TenantService;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grades the company's prospects A-E from their sales state, in one statement for all of them (every night) or for
 * one (after its state changed on screen). The rules, with the company's thresholds:
 * <ul>
 * <li>E: no need, or lost;</li>
 * <li>D: a potential (future) need, no expected close date, or a close date beyond the C threshold;</li>
 * <li>A, B, C: a clear need (or a need not stated) with the close date within the A, B or C threshold.</li>
 * </ul>
 * Signed customers are no longer prospects and have no grade, nor have customers without any sales state. An
 * expected close date in the past, for a prospect neither signed nor lost, is flagged as overdue.
 */
@Service
@Transactional
public class ProspectGradeService {

    private final ProspectGradeRepository grades;
    private final SalesSettingsService settings;
    private final TenantService tenants;

    ProspectGradeService(ProspectGradeRepository grades, SalesSettingsService settings, TenantService tenants) {
        this.grades = grades;
        this.settings = settings;
        this.tenants = tenants;
    }

    /** The company's today, in its time zone. */
    @Transactional(readOnly = true)
    public LocalDate today(TenantId tenant) {
        return tenants.today(tenant);
    }

    /** Grades every prospect of the company as of {@code today}; returns how many have a grade. */
    public int regrade(TenantId tenant, LocalDate today) {
        return grades.regradeAll(tenant, today, thresholds(tenant));
    }

    /** Grades one customer as of the company's today, as the night would. */
    public Optional<GradeResult> regradeOne(TenantId tenant, long customerId) {
        grades.regradeOne(tenant, customerId, today(tenant), thresholds(tenant));
        return find(tenant, customerId);
    }

    @Transactional(readOnly = true)
    public Optional<GradeResult> find(TenantId tenant, long customerId) {
        return grades.find(tenant, customerId);
    }

    private GradeThresholds thresholds(TenantId tenant) {
        return settings.settings(tenant).thresholds();
    }
}
