package com.tierpilot.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs this node's {@link OutboxSender}: one thread that drains the outbox round after round while there is work, and
 * looks again every {@code tierpilot.delivery.sender.poll-interval} (1 s) when there is none. Every node runs one;
 * the database shares the work out. Off with {@code tierpilot.delivery.sender.enabled=false} (the test suite drains
 * by hand, with its clock).
 */
@Component
class OutboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    private final OutboxSender sender;
    private final boolean enabled;
    private final Duration interval;
    private volatile boolean running;
    private Thread thread;

    OutboxPoller(OutboxSender sender, @Value("${tierpilot.delivery.sender.enabled:true}") boolean enabled,
            @Value("${tierpilot.delivery.sender.poll-interval:PT1S}") Duration interval) {
        this.sender = sender;
        this.enabled = enabled;
        this.interval = interval;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-sender").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            int settled = 0;
            try {
                settled = sender.drainOnce();
            } catch (RuntimeException e) {
                log.error("The outbox round failed; trying again in {}", interval, e);
            }
            if (settled == 0) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
