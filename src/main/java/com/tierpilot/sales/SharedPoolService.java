package com.tierpilot.sales;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.sales.persistence.PoolRepository;
import com.tierpilot.sales.persistence.PoolRepository.Owned;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared pool (公海) at night: a customer whose owner has logged no follow-up for the company's number of days
 * for its grade goes back to the pool, and the owner is told the night before. Customers without an owner are the
 * pool. Idempotent: a second run of the same night returns and tells nobody again.
 */
@Service
@Transactional
public class SharedPoolService {

    private static final Logger log = LoggerFactory.getLogger(SharedPoolService.class);

    private final PoolRepository pool;
    private final CustomerAssignmentService assignment;
    private final SalesSettingsService settings;
    private final Clock clock;

    SharedPoolService(PoolRepository pool, CustomerAssignmentService assignment, SalesSettingsService settings, Clock clock) {
        this.pool = pool;
        this.assignment = assignment;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a night did: customers returned to the pool, and owners told of tomorrow's returns. */
    public record NightResult(int returned, int told) {
    }

    /** Returns the customers due back on {@code today} and tells the owners of those due tomorrow. */
    public NightResult night(TenantId tenant, LocalDate today) {
        pool.refreshWatches(tenant, today);
        PoolRules rules = settings.poolRules(tenant);
        List<long[]> back = new ArrayList<>();
        List<long[]> tomorrow = new ArrayList<>();
        for (Owned o : pool.owned(tenant)) {
            if (o.grade() == null && !rules.poolsUngraded()) {
                continue;
            }
            LocalDate returnsOn = o.since().plusDays(o.grade() == null ? rules.ungradedReturnDays()
                    : rules.returnDays(o.grade()));
            if (!returnsOn.isAfter(today)) {
                back.add(new long[] {o.customerId(), o.managerId()});
            } else if (returnsOn.equals(today.plusDays(1))) {
                tomorrow.add(new long[] {o.customerId(), o.managerId()});
            }
        }
        int returned = assignment.returnToPool(tenant, back);
        int told = pool.notify(tenant, tomorrow, today.plusDays(1), clock.instant());
        pool.refreshWatches(tenant, today);
        log.info("Shared pool for {}: {} customers returned, {} owners told of tomorrow's returns", today, returned,
                told);
        return new NightResult(returned, told);
    }

    /** The manager's customers that go back to the pool tonight or later, as told. */
    @Transactional(readOnly = true)
    public List<PoolNotice> notices(TenantId tenant, long manager, LocalDate today) {
        return pool.notices(tenant, manager, today);
    }

    /** The grades of these customers (absent: none), for lists. */
    @Transactional(readOnly = true)
    public Map<Long, ProspectGrade> grades(TenantId tenant, List<Long> customers) {
        return pool.grades(tenant, customers);
    }
}
