package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import java.time.Clock;
import java.time.Duration;
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
 */
@Component
class RunHeartbeats implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeats.class);

    private final SegmentationRunRepository runs;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("run-heartbeat").factory());

    @Autowired
    RunHeartbeats(SegmentationRunRepository runs, Clock clock,
            @Value("${tierpilot.segmentation.run-heartbeat:PT10S}") Duration interval) {
        if (interval.compareTo(SegmentationService.STALE_AFTER) >= 0) {
            throw new IllegalArgumentException("tierpilot.segmentation.run-heartbeat must be shorter than "
                    + SegmentationService.STALE_AFTER + ", got " + interval);
        }
        this.runs = runs;
        this.clock = clock;
        this.interval = interval;
    }

    /** Beats for the run until the returned handle is closed; once it is, no beat of the run is written. */
    Beating start(TenantId tenant, long run) {
        Object lock = new Object();
        boolean[] closed = {false};
        ScheduledFuture<?> task = beats.scheduleWithFixedDelay(() -> {
            synchronized (lock) {
                if (!closed[0]) {
                    beat(tenant, run);
                }
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            synchronized (lock) {
                closed[0] = true;
            }
            task.cancel(false);
        };
    }

    private void beat(TenantId tenant, long run) {
        try (var mdc = TenantLogContext.open(tenant)) {
            try {
                runs.beat(tenant, run, clock.instant());
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
