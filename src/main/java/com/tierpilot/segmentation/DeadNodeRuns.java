package com.tierpilot.segmentation;

import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes whose node died do not stay RUNNING. At start-up a node marks failed the runs it left running before
 * the restart; then it writes its heartbeat every {@code tierpilot.cluster.heartbeat-interval} and marks failed the
 * runs of any node whose heartbeat is older than {@code tierpilot.cluster.node-dead-after}, which frees their
 * tenants' recompute slot. Quartz recovers a dead node's nightly job on its own; the recovered job opens a run of its
 * own, so this never competes with it: it only closes the dead run's row ({@link RunStatus#NODE_STOPPED}).
 */
@Component
class DeadNodeRuns {

    private static final Logger log = LoggerFactory.getLogger(DeadNodeRuns.class);

    private final SegmentationRunRepository runs;
    private final Clock clock;
    private final String node;
    private final Duration interval;
    private final Duration deadAfter;
    private final Instant startedAt;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "node-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    DeadNodeRuns(SegmentationRunRepository runs, Clock clock, @Value("${tierpilot.node-name:}") String nodeName,
            @Value("${tierpilot.cluster.heartbeat-interval:PT10S}") Duration interval,
            @Value("${tierpilot.cluster.node-dead-after:PT45S}") Duration deadAfter) {
        this.runs = runs;
        this.clock = clock;
        this.node = nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
        this.interval = interval;
        this.deadAfter = deadAfter;
        this.startedAt = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        afterRestart();
        beats.scheduleWithFixedDelay(this::beatSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        beats.shutdownNow();
    }

    /** Fails the runs this node left running before it started. */
    int afterRestart() {
        int failed = runs.failLeftBehind(node, startedAt, clock.instant());
        if (failed > 0) {
            log.warn("{} recompute(s) of node {} were running when it stopped; marked failed", failed, node);
        }
        return failed;
    }

    /** Writes this node's heartbeat and fails the runs of nodes that stopped beating. */
    int beat() {
        Instant now = clock.instant();
        runs.beat(node, startedAt, now);
        int failed = runs.failRunsOfDeadNodes(node, now.minus(deadAfter), now);
        if (failed > 0) {
            log.warn("{} recompute(s) of nodes silent for more than {} marked failed", failed, deadAfter);
        }
        return failed;
    }

    /** The scheduled beat: a failure (the database is down) is logged and the next beat tries again. */
    private void beatSafely() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Node heartbeat failed; trying again in {}", interval, e);
        }
    }

    String node() {
        return node;
    }
}
