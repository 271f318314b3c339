package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps a working run's heartbeat fresh while one of its steps runs long. A run holds its company's recompute slot
 * only while it wrote a heartbeat within {@link SegmentationService#STALE_AFTER}; a run that wrote one only between
 * its steps lost the slot when a step (at a million customers, an intraday run's copy of every other customer, or a
 * full run's write phase on a busy host) took longer, and another run took the slot and the work was thrown away.
 * One daemon thread per node writes the heartbeat of every run this node is working on, every
 * {@code tierpilot.segmentation.run-heartbeat} (10 s), each in its own short statement outside the run's
 * transactions (no table a run writes refers to the run row, so nothing of the run blocks it).
 *
 * <p>A run beats for at most {@code tierpilot.segmentation.run-max} (1 h; a full run at a million customers takes
 * about a minute). A run still going then is taken to be hung (a thread stuck on a lost connection, say): it stops
 * beating, so its slot goes stale and the next run of the company takes it over, as it does a dead node's run;
 * should the hung run ever finish, its publish finds the slot gone and fails.
 */
@Component
class RunHeartbeats implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeats.class);

    private final SegmentationRunRepository runs;
    private final Clock clock;
    private final Duration interval;
    private final Duration max;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("run-heartbeat").factory());

    @Autowired
    RunHeartbeats(SegmentationRunRepository runs, Clock clock,
            @Value("${tierpilot.segmentation.run-heartbeat:PT10S}") Duration interval,
            @Value("${tierpilot.segmentation.run-max:PT1H}") Duration max) {
        if (interval.compareTo(SegmentationService.STALE_AFTER) >= 0) {
            throw new IllegalArgumentException("tierpilot.segmentation.run-heartbeat must be shorter than "
                    + SegmentationService.STALE_AFTER + ", got " + interval);
        }
        if (max.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("tierpilot.segmentation.run-max must be longer than "
                    + "tierpilot.segmentation.run-heartbeat (" + interval + "), got " + max);
        }
        this.runs = runs;
        this.clock = clock;
        this.interval = interval;
        this.max = max;
    }

    /**
     * Beats for the run until the returned handle is closed, or until {@code run-max} after now; once the handle is
     * closed no beat of the run is written.
     */
    Beating start(TenantId tenant, long run) {
        Instant giveUpAt = clock.instant().plus(max);
        Object lock = new Object();
        boolean[] stopped = {false};
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        Runnable tick = () -> {
            synchronized (lock) {
                if (stopped[0]) {
                    return;
                }
                Instant now = clock.instant(); // one reading: a beat is never written with a time past the cap
                if (now.isAfter(giveUpAt)) {
                    stopped[0] = true;
                    task[0].cancel(false);
                    try (var mdc = TenantLogContext.open(tenant)) {
                        log.error("Run {} is still working after {} and is taken to be hung: it stops beating, and "
                                + "the company's next run takes its slot once it is {} stale", run, max,
                                SegmentationService.STALE_AFTER);
                    }
                    return;
                }
                beat(tenant, run, now);
            }
        };
        synchronized (lock) { // the first tick waits until the task is known, so it can cancel itself
            task[0] = beats.scheduleWithFixedDelay(tick, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return () -> {
            synchronized (lock) {
                stopped[0] = true;
                task[0].cancel(false);
            }
        };
    }

    private void beat(TenantId tenant, long run, Instant now) {
        try (var mdc = TenantLogContext.open(tenant)) {
            try {
                runs.beat(tenant, run, now);
            } catch (RuntimeException e) {
                // A missed beat is retried at the next tick; the run itself goes on (and loses its slot only after
                // STALE_AFTER without any beat). Thrown on, it would cancel every later beat of this run.
                log.warn("Heartbeat of run {} not written; next try in {}", run, interval, e);
            }
        }
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
    }

    /** The heartbeat of one run; closing it stops the beats. */
    interface Beating extends AutoCloseable {
        @Override
        void close();
    }
}
