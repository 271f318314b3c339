package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import jakarta.annotation.PreDestroy;
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
 * Starts the intraday runs (issue 21) on every node: every {@code tierpilot.intraday.poll-every} it looks in the
 * database for companies whose recorded customers are due (no new batch for {@code tierpilot.intraday.quiet}, or the
 * oldest waiting for {@code tierpilot.intraday.max-wait}) and runs them one after the other. The waiting customers
 * are rows, so a restarted or another node picks them up; the company's recompute slot keeps two nodes, or a full
 * run, from running beside it. With the defaults (2 s, 3 s, 15 s) a batch is in the segments within about 20 s
 * plus the run.
 */
@Component
class IntradayPoller {

    private static final Logger log = LoggerFactory.getLogger(IntradayPoller.class);

    private final IntradayService intraday;
    private final Clock clock;
    private final Duration every;
    private final Duration quiet;
    private final Duration maxWait;
    private final boolean enabled;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "intraday-runs");
        thread.setDaemon(true);
        return thread;
    });

    IntradayPoller(IntradayService intraday, Clock clock,
            @Value("${tierpilot.intraday.poll-every:PT2S}") Duration every,
            @Value("${tierpilot.intraday.quiet:PT3S}") Duration quiet,
            @Value("${tierpilot.intraday.max-wait:PT15S}") Duration maxWait,
            @Value("${tierpilot.intraday.enabled:true}") boolean enabled) {
        this.intraday = intraday;
        this.clock = clock;
        this.every = every;
        this.quiet = quiet;
        this.maxWait = maxWait;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            timer.scheduleWithFixedDelay(this::pollSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Runs the due companies; a failure is logged and the next poll tries again. */
    private void pollSafely() {
        try {
            Instant now = clock.instant();
            for (TenantId tenant : intraday.due(now.minus(quiet), now.minus(maxWait))) {
                intraday.run(tenant);
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due intraday runs failed; trying again in {}", every, e);
        }
    }
}
