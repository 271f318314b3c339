package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.scheduling.persistence.NightlyRunRepository;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's nightly pipeline: opens a recompute run, then runs every {@link NightlyStep} in order, and records each
 * step's outcome with the run. A failed scheduled run is tried again with backoff ({@link RetryPolicy}); the final
 * failure, or a run much slower than usual ({@link SlowRuns}), alerts the owner. Each step runs in its own
 * transactions, never in one around the whole pipeline.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class NightlyPipelineService {

    private static final Logger log = LoggerFactory.getLogger(NightlyPipelineService.class);
    /** A recovered job waits this long at most for the dead node's run to go stale and free the tenant's slot. */
    static final Duration RECOVERY_WAIT = Duration.ofSeconds(45);

    private final SegmentationService segmentation;
    private final List<NightlyStep> steps;
    private final NightlyRunRepository store;
    private final TenantScheduleService schedules;
    private final RunAlertService alerts;
    private final TaskExecutor executor;
    private final String node;
    private final Clock clock;

    NightlyPipelineService(SegmentationService segmentation, List<NightlyStep> steps, NightlyRunRepository store,
            TenantScheduleService schedules, RunAlertService alerts, @Qualifier("recomputeExecutor") TaskExecutor executor,
            @Value("${tierpilot.node-name:}") String nodeName, Clock clock) {
        this.segmentation = segmentation;
        this.steps = steps;
        this.store = store;
        this.schedules = schedules;
        this.alerts = alerts;
        this.executor = executor;
        this.node = nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
        this.clock = clock;
    }

    /** The steps each of the given recompute runs went through, by recompute run id (runs started elsewhere: none). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<StepRecord>> steps(TenantId tenant, List<Long> segmentationRuns) {
        java.util.Map<Long, List<StepRecord>> steps = new java.util.HashMap<>();
        store.stepsOf(tenant, segmentationRuns).forEach((run, text) -> steps.put(run, StepRecord.read(text)));
        return steps;
    }

    /** "Run now" on the run history screen: opens the run here and runs the pipeline in the background. */
    @PreAuthorize("hasRole('OWNER')")
    public long start(TenantId tenant) {
        long run = segmentation.openRun(tenant, null, RunTrigger.MANUAL);
        try {
            executor.execute(() -> runOpened(tenant, run, RunTrigger.MANUAL, 1, null));
        } catch (RejectedExecutionException busy) {
            throw new UserFacingException("segmentation.error.busy");
        }
        return run;
    }

    /**
     * A firing of the tenant's job (the nightly trigger, a retry, a catch-up, or a job recovered from a dead node):
     * runs the whole pipeline in this thread. A retry of a run whose recompute succeeded and a later step failed
     * ({@code resume}) runs only the steps from the failed one on, on the same recompute, if it is still current.
     */
    public Outcome runScheduled(TenantId tenant, RunTrigger trigger, int attempt, boolean recovering,
            @Nullable Resume resume) {
        try (MDC.MDCCloseable tenantLog = TenantLogContext.open(tenant)) {
            if (resume != null && segmentation.currentRun(tenant).map(RunStatus::id)
                    .filter(current -> current == resume.segmentationRun()).isPresent()) {
                return runOpened(tenant, resume.segmentationRun(), trigger, attempt, resume.step());
            }
            long run;
            try {
                run = open(tenant, trigger, recovering);
            } catch (RuntimeException e) {
                long nightly = store.start(tenant, trigger, attempt, node, clock.instant());
                log.error("Nightly run (attempt {}) could not start", attempt, e);
                store.finish(tenant, nightly, false, "", String.valueOf(e.getMessage()), clock.instant());
                return afterFailure(tenant, nightly, attempt, String.valueOf(e.getMessage()), null);
            }
            Outcome outcome = runOpened(tenant, run, trigger, attempt, null);
            if (trigger == RunTrigger.SCHEDULE && attempt == 1) {
                schedules.planDstCatchUp(tenant);
            }
            return outcome;
        }
    }

    private long open(TenantId tenant, RunTrigger trigger, boolean recovering) {
        Instant giveUp = clock.instant().plus(RECOVERY_WAIT);
        boolean waiting = false;
        while (true) {
            try {
                return segmentation.openRun(tenant, null, trigger);
            } catch (UserFacingException running) {
                // Recovered from a dead node: its run holds the slot until its heartbeat goes stale.
                if (!recovering || clock.instant().isAfter(giveUp)) {
                    throw running;
                }
                if (!waiting) {
                    log.info("Recovered nightly run waits for the dead node's recompute to go stale");
                    waiting = true;
                }
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    private Outcome runOpened(TenantId tenant, long run, RunTrigger trigger, int attempt, @Nullable String fromStep) {
        try (MDC.MDCCloseable tenantLog = TenantLogContext.open(tenant)) {
            Instant started = clock.instant();
            if (fromStep == null) {
                store.failUnfinished(tenant, started); // this run holds the slot: others left unfinished died
            }
            long nightly = store.start(tenant, trigger, attempt, node, started);
            store.link(tenant, nightly, run);
            var context = new NightlyStep.PipelineContext(run, segmentation.run(tenant, run).asOf(), trigger,
                    attempt);
            List<StepRecord> done = new ArrayList<>();
            String error = null;
            Resume resume = null;
            boolean reached = fromStep == null;
            for (NightlyStep step : steps) {
                reached |= step.name().equals(fromStep);
                if (!reached) {
                    continue;
                }
                long t0 = System.nanoTime();
                TenantLogContext.set(tenant); // a step may have cleared it (the recompute does)
                try {
                    NightlyStep.Summary summary = step.run(tenant, context);
                    done.add(new StepRecord(step.name(), true, millis(t0), summary.messageKey(),
                            summary.arguments(), null));
                } catch (RuntimeException e) {
                    log.error("Nightly step {} of run {} failed (attempt {})", step.name(), run, attempt, e);
                    done.add(new StepRecord(step.name(), false, millis(t0), null, List.of(), null));
                    error = step.name() + ": " + e.getMessage();
                    // The recompute is published once its step succeeded: a retry resumes at the failed step.
                    resume = step == steps.getFirst() ? null : new Resume(run, step.name());
                    break;
                }
            }
            TenantLogContext.set(tenant);
            Instant finished = clock.instant();
            store.finish(tenant, nightly, error == null, StepRecord.write(done), error, finished);
            if (error != null) {
                return trigger == RunTrigger.SCHEDULE ? afterFailure(tenant, nightly, attempt, error, resume)
                        : new Outcome(nightly, false, null);
            }
            checkSpeed(tenant, run, nightly, Duration.between(started, finished));
            return new Outcome(nightly, true, null);
        }
    }

    private Outcome afterFailure(TenantId tenant, long nightly, int attempt, String error, @Nullable Resume resume) {
        Instant now = clock.instant();
        var retry = RetryPolicy.nextAttempt(attempt, now);
        if (retry.isPresent()) {
            schedules.once(tenant, "retry", retry.get(), RunTrigger.SCHEDULE, attempt + 1, resume);
            log.warn("Nightly run failed (attempt {}); retrying at {}", attempt, retry.get());
            return new Outcome(nightly, false, retry.get());
        }
        log.error("Nightly run {} failed for the last time (attempt {}); alerting the owner. Error: {}", nightly, attempt,
                error);
        alerts.raise(tenant, RunAlert.Kind.FAILED, nightly, error);
        return new Outcome(nightly, false, null);
    }

    private void checkSpeed(TenantId tenant, long run, long nightly, Duration took) {
        List<Duration> recent = segmentation.runs(tenant, 0, 11).stream()
                .filter(r -> r.id() != run && r.state() == RunStatus.State.SUCCEEDED && r.duration() != null)
                .map(RunStatus::duration).map(Objects::requireNonNull).limit(10).toList();
        if (SlowRuns.isSlow(took, recent)) {
            log.warn("Nightly run took {} s, more than {} times the median {} s", took.toSeconds(), SlowRuns.FACTOR,
                    SlowRuns.median(recent).toSeconds());
            alerts.raise(tenant, RunAlert.Kind.SLOW, nightly,
                    RunAlert.slowDetail(took, SlowRuns.median(recent)));
        }
    }

    private static long millis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the tenant's slot", e);
        }
    }

    /** Where a retry picks up: the recompute run that was published, and the step that failed after it. */
    public record Resume(long segmentationRun, String step) {
    }

    /** How a pipeline run ended, and when it is tried again if it failed. */
    public record Outcome(long nightlyRunId, boolean succeeded, @Nullable Instant retryAt) {
    }
}
