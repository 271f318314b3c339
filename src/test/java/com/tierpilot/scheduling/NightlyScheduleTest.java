package com.tierpilot.scheduling;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static com.tierpilot.customer.CustomerFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.FailingNightlyStep;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

@IntegrationTest
class NightlyScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantScheduleService schedules;
    @Autowired
    NightlyPipelineService pipeline;
    @Autowired
    RunAlertService alerts;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    TenantService tenantService;
    @Autowired
    Scheduler scheduler;
    @Autowired
    MutableClock clock;
    @Autowired
    SchedulerHealth health;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void resetClockAndSignOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void aShanghaiAndANewYorkTenantAreEachScheduledAtTheirOwnLocalTwoOClock() throws Exception {
        TestTenant shanghai = tenants.signUp("Shanghai Co", SHANGHAI, SupportedLocales.CHINESE);
        TestTenant newYork = tenants.signUp("New York Co", NEW_YORK, SupportedLocales.ENGLISH);

        for (var tenant : List.of(shanghai, newYork)) {
            ZoneId zone = tenant == shanghai ? SHANGHAI : NEW_YORK;
            ScheduleInfo info = schedules.schedule(tenant.id());
            assertThat(info.runAt()).isEqualTo(LocalTime.of(2, 0));
            assertThat(info.paused()).isFalse();
            assertThat(info.nextRun().atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(2, 0));
            assertThat(Duration.between(Instant.now(), info.nextRun())).isBetween(Duration.ZERO, Duration.ofDays(1));
            assertThat(fireTimes(tenant.id(), Instant.now(), 10)).allSatisfy(
                    at -> assertThat(at.atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(2, 0)));
        }
        // 02:00 in Shanghai is 18:00 UTC the day before; in New York, 06:00 or 07:00 UTC.
        assertThat(fireTimes(shanghai.id(), Instant.parse("2027-06-30T00:00:00Z"), 1))
                .containsExactly(Instant.parse("2027-06-30T18:00:00Z"));
        assertThat(fireTimes(newYork.id(), Instant.parse("2027-06-30T00:00:00Z"), 1))
                .containsExactly(Instant.parse("2027-06-30T06:00:00Z"));
        assertThat(fireTimes(newYork.id(), Instant.parse("2027-12-30T00:00:00Z"), 1))
                .containsExactly(Instant.parse("2027-12-30T07:00:00Z"));
    }

    @Test
    void theNightDaylightSavingSkipsInNewYorkGetsACatchUpRunAtThree() throws Exception {
        TestTenant newYork = tenants.signUp("Spring Forward Co", NEW_YORK, SupportedLocales.ENGLISH);

        // Quartz's cron silently skips 2027-03-14, when 02:00 does not exist in New York ...
        assertThat(fireTimes(newYork.id(), Instant.parse("2027-03-12T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2027-03-13T07:00:00Z"), Instant.parse("2027-03-15T06:00:00Z"),
                Instant.parse("2027-03-16T06:00:00Z"));
        // ... so the schedule plans a one-off run at 03:00 EDT that night, seen from the run of the night before,
        Instant afterSaturdaysRun = Instant.parse("2027-03-13T07:05:00Z");
        assertThat(DstGaps.catchUp(NEW_YORK, LocalTime.of(2, 0), afterSaturdaysRun))
                .contains(ZonedDateTime.of(LocalDateTime.parse("2027-03-14T03:00"), NEW_YORK).toInstant())
                .contains(Instant.parse("2027-03-14T07:00:00Z"));
        // and none on an ordinary night, nor in Shanghai, nor once the catch-up time has passed.
        assertThat(DstGaps.catchUp(NEW_YORK, LocalTime.of(2, 0), Instant.parse("2027-03-15T07:05:00Z"))).isEmpty();
        assertThat(DstGaps.catchUp(SHANGHAI, LocalTime.of(2, 0), afterSaturdaysRun)).isEmpty();
        assertThat(DstGaps.catchUp(NEW_YORK, LocalTime.of(2, 0), Instant.parse("2027-03-14T07:00:01Z"))).isEmpty();

        // The schedule puts it into Quartz as a one-shot trigger of the tenant's job.
        clock.advance(Duration.between(clock.instant(), afterSaturdaysRun));
        schedules.planDstCatchUp(newYork.id());
        Trigger catchUp = scheduler.getTrigger(TriggerKey.triggerKey("dst-2027-03-14-" + newYork.id().value(),
                TenantScheduleService.GROUP));
        assertThat(catchUp.getStartTime().toInstant()).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
        assertThat(catchUp.getJobKey()).isEqualTo(TenantScheduleService.jobKey(newYork.id()));
        scheduler.unscheduleJob(catchUp.getKey());
    }

    @Test
    void aTriggerAFewSecondsAheadReallyFiresAndRecordsAScheduledRunWithItsSteps() throws Exception {
        TestTenant tenant = tenants.signUp("Firing Co", SHANGHAI, SupportedLocales.ENGLISH);
        customers.upsertCustomers(tenant.id(), List.of(customer("F-1", "First", "上海")));
        customers.upsertOrders(tenant.id(), List.of(order("F-O1", "F-1", LocalDateTime.now().minusDays(3), "88.00")));

        schedules.once(tenant.id(), "test", Instant.now().plusSeconds(2), RunTrigger.SCHEDULE, 1);
        scheduler.start();
        try {
            RunStatus run = awaitRun(tenant.id(), Duration.ofSeconds(60));
            assertThat(run.trigger()).isEqualTo(RunTrigger.SCHEDULE);
            assertThat(run.state()).isEqualTo(RunStatus.State.SUCCEEDED);
            assertThat(run.customers()).isEqualTo(1);
            assertThat(run.node()).isNotBlank();
            awaitSteps(tenant.id(), run.id());
            assertThat(pipeline.steps(tenant.id(), List.of(run.id())).get(run.id()))
                    .filteredOn(StepRecord::ok).extracting(StepRecord::step)
                    .containsSubsequence("recompute", "prediction", "loyalty", "revisit-tasks");
            assertThat(pipeline.steps(tenant.id(), List.of(run.id())).get(run.id()).getFirst())
                    .satisfies(s -> assertThat(s.messageKey()).isEqualTo("runs.step.recompute.done"))
                    .satisfies(s -> assertThat(s.arguments()).first().isEqualTo(1L));
        } finally {
            scheduler.standby();
        }
    }

    @Test
    void aRunThatCannotStartIsRetriedWithBackoffAndTheFourthFailureAlertsTheOwner() throws Exception {
        TestTenant tenant = tenants.signUp("Retry Co", SHANGHAI, SupportedLocales.ENGLISH);
        block(tenant.id());
        TriggerKey retry = TriggerKey.triggerKey("retry-" + tenant.id().value(), TenantScheduleService.GROUP);

        Instant failedAt = clock.instant();
        var first = pipeline.runScheduled(tenant.id(), RunTrigger.SCHEDULE, 1, false, null);
        assertThat(first.succeeded()).isFalse();
        assertThat(Duration.between(failedAt, first.retryAt())).isBetween(Duration.ofSeconds(59),
                Duration.ofSeconds(61));
        assertThat(scheduler.getTrigger(retry).getJobDataMap().getInt(TenantScheduleService.ATTEMPT)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        block(tenant.id());
        var second = pipeline.runScheduled(tenant.id(), RunTrigger.SCHEDULE, 2, false, null);
        assertThat(Duration.between(clock.instant(), second.retryAt())).isBetween(Duration.ofMinutes(4),
                Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        block(tenant.id());
        var third = pipeline.runScheduled(tenant.id(), RunTrigger.SCHEDULE, 3, false, null);
        assertThat(Duration.between(clock.instant(), third.retryAt())).isBetween(Duration.ofMinutes(14),
                Duration.ofMinutes(15));
        assertThat(scheduler.getTrigger(retry).getJobDataMap().getInt(TenantScheduleService.ATTEMPT)).isEqualTo(4);
        assertThat(alerts.open(tenant.id())).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        long blocking = block(tenant.id());
        var last = pipeline.runScheduled(tenant.id(), RunTrigger.SCHEDULE, 4, false, null);

        assertThat(last.retryAt()).isNull();
        assertThat(alerts.open(tenant.id())).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(RunAlert.Kind.FAILED);
            assertThat(alert.messageKey()).isEqualTo("runs.alert.FAILED");
        });
        scheduler.unscheduleJob(retry);
        assertThat(segmentation.run(tenant.id(), blocking).state()).isEqualTo(RunStatus.State.RUNNING);
    }

    @Test
    void aStepThatFailsAfterThePublishedRecomputeIsRetriedFromThatStepWithoutRecomputingAgain() throws Exception {
        TestTenant tenant = tenants.signUp("Resume Co", SHANGHAI, SupportedLocales.ENGLISH);
        customers.upsertCustomers(tenant.id(), List.of(customer("R-1", "First", "上海")));
        customers.upsertOrders(tenant.id(), List.of(order("R-O1", "R-1", LocalDateTime.now().minusDays(3), "9.00")));
        TriggerKey retry = TriggerKey.triggerKey("retry-" + tenant.id().value(), TenantScheduleService.GROUP);

        FailingNightlyStep.failFor(tenant.id());
        long run;
        try {
            var first = pipeline.runScheduled(tenant.id(), RunTrigger.SCHEDULE, 1, false, null);
            assertThat(first.succeeded()).isFalse();
            var data = scheduler.getTrigger(retry).getJobDataMap();
            assertThat(data.getString(TenantScheduleService.RESUME_STEP)).isEqualTo("test-failure");
            run = data.getLong(TenantScheduleService.RESUME_RUN);
            assertThat(segmentation.currentRun(tenant.id()).map(RunStatus::id)).as("the recompute was published")
                    .contains(run);
        } finally {
            FailingNightlyStep.stopFailing(tenant.id());
        }

        var second = pipeline.runScheduled(tenant.id(), RunTrigger.SCHEDULE, 2, false,
                new NightlyPipelineService.Resume(run, "test-failure"));

        assertThat(second.succeeded()).isTrue();
        assertThat(segmentation.countRuns(tenant.id())).as("no second recompute").isEqualTo(1);
        assertThat(pipeline.steps(tenant.id(), List.of(run)).get(run)).first()
                .satisfies(s -> assertThat(s.step()).isEqualTo("test-failure"))
                .satisfies(s -> assertThat(s.ok()).isTrue());
        scheduler.unscheduleJob(retry);
    }

    @Test
    void theOwnerPausesAndMovesTheRunAndTheScheduleFollowsTimeZoneAndDeactivation() throws Exception {
        TestTenant tenant = tenants.signUp("Moving Co", SHANGHAI, SupportedLocales.ENGLISH).signInAsOwner();

        ScheduleInfo paused = schedules.change(tenant.id(), LocalTime.of(3, 30), true);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.nextRun()).isNull();
        ScheduleInfo resumed = schedules.change(tenant.id(), LocalTime.of(3, 30), false);
        assertThat(resumed.nextRun().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(3, 30));

        tenantService.updateSettings(tenant.id(), "Moving Co", NEW_YORK, java.util.Currency.getInstance("USD"));
        ScheduleInfo moved = schedules.schedule(tenant.id());
        assertThat(moved.zone()).isEqualTo(NEW_YORK);
        assertThat(moved.nextRun().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(3, 30));

        tenantService.deactivate(tenant.id());
        assertThat(scheduler.checkExists(TenantScheduleService.jobKey(tenant.id()))).isFalse();
    }

    @Test
    void reconcilingAtStartupInstallsAMissingJobAndIsIdempotent() throws Exception {
        TestTenant tenant = tenants.signUp("Lost Job Co", SHANGHAI, SupportedLocales.ENGLISH);
        scheduler.deleteJob(TenantScheduleService.jobKey(tenant.id()));

        schedules.reconcile();
        schedules.reconcile();

        assertThat(scheduler.checkExists(TenantScheduleService.jobKey(tenant.id()))).isTrue();
        assertThat(schedules.schedule(tenant.id()).runAt()).isEqualTo(LocalTime.of(2, 0));
    }

    @Test
    void healthReportsTheSchedulerAndAMetricGivesEachTenantsLastSuccessfulRun() throws Exception {
        TestTenant tenant = tenants.signUp("Metric Co", SHANGHAI, SupportedLocales.ENGLISH);
        Gauge gauge = meters.find(LastSuccessGauge.NAME).tag("tenant", tenant.id().toString()).gauge();
        assertThat(gauge).isNotNull();
        assertThat(gauge.value()).as("never recomputed").isZero();

        assertThat(health.health().getStatus()).as("the suite's scheduler is in standby").isEqualTo(Status.DOWN);
        scheduler.start();
        try {
            var up = health.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("clustered", true).containsEntry("standby", false);
        } finally {
            scheduler.standby();
        }

        RunStatus run = segmentation.runNow(tenant.id(), null, RunTrigger.MANUAL);
        clock.advance(Duration.ofMinutes(2)); // past the gauge's one-minute cache
        assertThat(gauge.value()).isEqualTo((double) run.finishedAt().getEpochSecond());
    }

    /** Another recompute of the tenant holds its slot now (on the moved clock), so the nightly run cannot start. */
    private long block(TenantId tenant) {
        return segmentation.openRun(tenant, null, RunTrigger.MANUAL);
    }

    private List<Instant> fireTimes(TenantId tenant, Instant from, int count) throws Exception {
        CronTrigger cron = (CronTrigger) scheduler.getTrigger(TenantScheduleService.cronKey(tenant));
        List<Instant> times = new ArrayList<>();
        Date at = Date.from(from);
        for (int i = 0; i < count; i++) {
            at = cron.getFireTimeAfter(at);
            times.add(at.toInstant());
        }
        return times;
    }

    private RunStatus awaitRun(TenantId tenant, Duration timeout) {
        return await("a finished run of " + tenant).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> segmentation.runs(tenant, 0, 1), runs -> !runs.isEmpty() && runs.getFirst().finished())
                .getFirst();
    }

    private void awaitSteps(TenantId tenant, long run) {
        await("the run's steps are recorded").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> pipeline.steps(tenant, List.of(run)).containsKey(run));
    }
}
