package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.persistence.OrderSummaryRepository;
import java.time.LocalDate;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-customer order summary (issue 21): every order write keeps it in its own transaction; this service checks
 * it against the orders and rebuilds it, set-based, for one company, directly or as a Quartz job on any node of the
 * cluster.
 */
@Service
@Transactional
public class OrderSummaryService {

    private static final Logger log = LoggerFactory.getLogger(OrderSummaryService.class);
    static final String TENANT = "tenant";

    private final OrderSummaryRepository summaries;
    private final Scheduler scheduler;

    OrderSummaryService(OrderSummaryRepository summaries, Scheduler scheduler) {
        this.summaries = summaries;
        this.scheduler = scheduler;
    }

    /** What a repair found and left. */
    public record Repair(long wrongBefore, int customers) {
    }

    /**
     * Rebuilds the company's order summary from its orders in one transaction, and says how many customers' rows
     * were wrong (missing, extra or with other figures) before.
     */
    public Repair repair(TenantId tenant) {
        long wrong = summaries.differences(tenant);
        int customers = summaries.rebuild(tenant);
        if (wrong > 0) {
            log.warn("Tenant {}: the order summary of {} customers differed from their orders; rebuilt {}", tenant,
                    wrong, customers);
        } else {
            log.info("Tenant {}: the order summary agreed with the orders; rebuilt {}", tenant, customers);
        }
        return new Repair(wrong, customers);
    }

    /**
     * Moves the company's summary window to start on {@code newStart} (a recompute as of today D moves it to D - W):
     * in one transaction, under an exclusive lock of the company's window, refreshes the customers with an order
     * dated between the old and the new start and stores the new start. A night where one day leaves the window
     * refreshes that day's customers only. Returns the old start.
     */
    public LocalDate slideWindow(TenantId tenant, LocalDate newStart) {
        long started = System.nanoTime();
        LocalDate old = summaries.slideWindow(tenant, newStart);
        if (!old.equals(newStart)) {
            log.info("Tenant {}: the order summary window moved from {} to {} in {} ms", tenant, old, newStart,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return old;
    }

    /** The first day of the company's summary window now (1000-01-01 before it first slid). */
    @Transactional(readOnly = true)
    public LocalDate windowStart(TenantId tenant) {
        return summaries.windowStart(tenant);
    }

    /** How many customers' summary rows differ from their orders now (0 when the summary is right). */
    @Transactional(readOnly = true)
    public long differences(TenantId tenant) {
        return summaries.differences(tenant);
    }

    /** Queues a {@link #repair} of the company as a Quartz job, run once, at once, by any node. */
    public void scheduleRepair(TenantId tenant) {
        JobDetail job = repairJob(tenant);
        Trigger now = TriggerBuilder.newTrigger().forJob(job).startNow().build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(now), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot queue the order summary repair of tenant " + tenant, e);
        }
    }

    /** The one-off job that repairs the company's summary. */
    static JobDetail repairJob(TenantId tenant) {
        return JobBuilder.newJob(OrderSummaryRepairJob.class)
                .withIdentity("order-summary-repair-" + tenant.value(), "order-summary")
                .usingJobData(TENANT, tenant.value()).requestRecovery(true)
                .withDescription("Order summary repair of tenant " + tenant.value()).build();
    }
}
