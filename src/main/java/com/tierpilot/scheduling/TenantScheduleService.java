package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.tenant.TenantDeactivated;
import com.tierpilot.tenant.TenantProfile;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.TenantSignedUp;
import com.tierpilot.tenant.TenantTimeZoneChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every active tenant's nightly job in the Quartz store: one durable job per tenant (keyed by the tenant id)
 * with a cron trigger at its local run time. Quartz's tables are the only record of the schedule, so every node sees
 * the same one. Every change runs in a transaction (Quartz then joins it and holds its cluster lock only that long)
 * and tolerates another node having done the same thing a moment earlier ({@link ObjectAlreadyExistsException}).
 */
@Service
@Transactional
public class TenantScheduleService {

    static final LocalTime DEFAULT_TIME = LocalTime.of(2, 0);
    static final String GROUP = "nightly";
    static final String TENANT = "tenantId";
    static final String ATTEMPT = "attempt";
    static final String TRIGGER = "trigger";
    static final String RESUME_RUN = "resumeRun";
    static final String RESUME_STEP = "resumeStep";

    private static final Logger log = LoggerFactory.getLogger(TenantScheduleService.class);

    private final Scheduler scheduler;
    private final TenantService tenants;
    private final TransactionTemplate perTenant;
    private final Clock clock;

    TenantScheduleService(Scheduler scheduler, TenantService tenants, PlatformTransactionManager transactions, Clock clock) {
        this.scheduler = scheduler;
        this.tenants = tenants;
        this.perTenant = new TransactionTemplate(transactions);
        this.perTenant.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    static JobKey jobKey(TenantId tenant) {
        return JobKey.jobKey("tenant-" + tenant.value(), GROUP);
    }

    static TriggerKey cronKey(TenantId tenant) {
        return TriggerKey.triggerKey("tenant-" + tenant.value(), GROUP);
    }

    /** The tenant's schedule, as the Quartz store has it; the default when it has none yet. */
    @Transactional(readOnly = true)
    public ScheduleInfo schedule(TenantId tenant) {
        ZoneId zone = tenants.profile(tenant).timeZone();
        try {
            Trigger trigger = scheduler.getTrigger(cronKey(tenant));
            if (!(trigger instanceof CronTrigger cron)) {
                return new ScheduleInfo(DEFAULT_TIME, zone, false, null);
            }
            boolean paused = scheduler.getTriggerState(cron.getKey()) == Trigger.TriggerState.PAUSED;
            Date next = cron.getNextFireTime();
            return new ScheduleInfo(timeOf(cron), zone, paused, paused || next == null ? null : next.toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot read the schedule of tenant " + tenant, e);
        }
    }

    /** The owner sets the local time of the nightly run, or pauses it. */
    @PreAuthorize("hasRole('OWNER')")
    public ScheduleInfo change(TenantId tenant, LocalTime runAt, boolean paused) {
        if (runAt.getSecond() != 0 || runAt.getNano() != 0) {
            throw new UserFacingException("runs.schedule.error.time");
        }
        TenantProfile profile = tenants.profile(tenant);
        install(tenant, profile.timeZone(), runAt, paused);
        log.info("Nightly schedule of tenant {} set to {} {}{}", tenant, runAt, profile.timeZone(),
                paused ? " (paused)" : "");
        return schedule(tenant);
    }

    /** Puts one extra run of the tenant's pipeline on the schedule at {@code at} (a retry, a catch-up, run now). */
    void once(TenantId tenant, String name, Instant at, RunTrigger trigger, int attempt) {
        once(tenant, name, at, trigger, attempt, null);
    }

    /** The same, for a retry that resumes at the step that failed (see {@link NightlyPipelineService.Resume}). */
    void once(TenantId tenant, String name, Instant at, RunTrigger trigger, int attempt,
            NightlyPipelineService.@Nullable Resume resume) {
        var builder = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(name + "-" + tenant.value(),
                GROUP)).forJob(jobKey(tenant)).usingJobData(ATTEMPT, attempt).usingJobData(TRIGGER, trigger.name())
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow());
        if (resume != null) {
            builder.usingJobData(RESUME_RUN, resume.segmentationRun()).usingJobData(RESUME_STEP, resume.step());
        }
        Trigger once = builder.build();
        try {
            ensureJob(tenant);
            if (scheduler.checkExists(once.getKey())) {
                scheduler.rescheduleJob(once.getKey(), once);
            } else {
                scheduler.scheduleJob(once);
            }
        } catch (ObjectAlreadyExistsException anotherNodeWasFaster) {
            log.debug("Trigger {} was added by another node", once.getKey(), anotherNodeWasFaster);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule " + name + " of tenant " + tenant, e);
        }
    }

    /**
     * Plans the one-off run of a night whose local run time falls into a daylight-saving gap (see {@link DstGaps}).
     */
    void planDstCatchUp(TenantId tenant) {
        ScheduleInfo info = schedule(tenant);
        if (info.paused()) {
            return;
        }
        planDstCatchUp(tenant, info.zone(), info.runAt());
    }

    @EventListener
    void onSignUp(TenantSignedUp signedUp) {
        install(signedUp.tenantId(), signedUp.timeZone(), DEFAULT_TIME, false);
    }

    @EventListener
    void onTimeZoneChange(TenantTimeZoneChanged moved) {
        ScheduleInfo before = schedule(moved.tenantId());
        install(moved.tenantId(), moved.timeZone(), before.runAt(), before.paused());
    }

    @EventListener
    void onDeactivation(TenantDeactivated deactivated) {
        remove(deactivated.tenantId());
    }

    /** At start, every node makes sure each active tenant has its job, in its current zone (idempotent). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void reconcile() {
        int installed = 0;
        for (TenantProfile tenant : tenants.activeTenants()) {
            Boolean changed = perTenant.execute(tx -> reconcile(tenant));
            installed += Boolean.TRUE.equals(changed) ? 1 : 0;
        }
        log.info("Nightly schedules reconciled: {} installed or moved", installed);
    }

    private boolean reconcile(TenantProfile tenant) {
        try {
            Trigger trigger = scheduler.getTrigger(cronKey(tenant.tenantId()));
            if (trigger instanceof CronTrigger cron && cron.getTimeZone().toZoneId().equals(tenant.timeZone())) {
                return false;
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot read the schedule of tenant " + tenant.tenantId(), e);
        }
        ScheduleInfo before = schedule(tenant.tenantId());
        install(tenant.tenantId(), tenant.timeZone(), before.runAt(), before.paused());
        return true;
    }

    void remove(TenantId tenant) {
        try {
            scheduler.deleteJob(jobKey(tenant));
            log.info("Nightly job of tenant {} removed", tenant);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot unschedule tenant " + tenant, e);
        }
    }

    private void install(TenantId tenant, ZoneId zone, LocalTime runAt, boolean paused) {
        CronTrigger cron = TriggerBuilder.newTrigger().withIdentity(cronKey(tenant)).forJob(jobKey(tenant))
                .withSchedule(CronScheduleBuilder.cronSchedule("0 " + runAt.getMinute() + " " + runAt.getHour()
                        + " ? * *").inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .usingJobData(TRIGGER, RunTrigger.SCHEDULE.name()).usingJobData(ATTEMPT, 1)
                .startAt(Date.from(clock.instant())).build();
        try {
            ensureJob(tenant);
            if (scheduler.checkExists(cron.getKey())) {
                scheduler.rescheduleJob(cron.getKey(), cron);
            } else {
                scheduler.scheduleJob(cron);
            }
            if (paused) {
                scheduler.pauseTrigger(cron.getKey());
            }
        } catch (ObjectAlreadyExistsException anotherNodeWasFaster) {
            log.debug("Nightly trigger of tenant {} was added by another node", tenant, anotherNodeWasFaster);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule tenant " + tenant, e);
        }
        if (!paused) {
            planDstCatchUp(tenant, zone, runAt);
        }
    }

    private void planDstCatchUp(TenantId tenant, ZoneId zone, LocalTime runAt) {
        DstGaps.catchUp(zone, runAt, clock.instant()).ifPresent(at -> {
            log.info("Tenant {}: {} does not exist in {} on the night of {}; catching up at {}", tenant, runAt, zone,
                    at.atZone(zone).toLocalDate(), at);
            once(tenant, "dst-" + at.atZone(zone).toLocalDate(), at, RunTrigger.SCHEDULE, 1);
        });
    }

    private void ensureJob(TenantId tenant) throws SchedulerException {
        if (scheduler.checkExists(jobKey(tenant))) {
            return;
        }
        JobDetail job = JobBuilder.newJob(NightlyJob.class).withIdentity(jobKey(tenant))
                .usingJobData(TENANT, tenant.value()).requestRecovery(true).storeDurably(true)
                .withDescription("Nightly pipeline of tenant " + tenant.value()).build();
        try {
            scheduler.addJob(job, false);
        } catch (ObjectAlreadyExistsException anotherNodeWasFaster) {
            log.debug("Nightly job of tenant {} was added by another node", tenant, anotherNodeWasFaster);
        }
    }

    private static LocalTime timeOf(CronTrigger cron) {
        String[] fields = cron.getCronExpression().split(" ");
        return LocalTime.of(Integer.parseInt(fields[2]), Integer.parseInt(fields[1]));
    }
}
