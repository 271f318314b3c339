package com.tierpilot.importing;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.importing.persistence.ImportRunRepository;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the heartbeat of a running import fresh from a thread of its own. The merge is one transaction, and one of
 * its statements alone may take minutes on a large file; the import's own progress reports stop meanwhile. The
 * beats are written on this thread's own connection, each in a short transaction of its own, so they are seen at
 * once and never wait for the merge; the import is taken for dead ({@link ImportService#ABANDONED_AFTER}) only when
 * its node stopped beating.
 */
@Component
class ImportHeartbeats {

    private static final Logger log = LoggerFactory.getLogger(ImportHeartbeats.class);

    private final ImportRunRepository runs;
    private final Clock clock;
    private final Duration every;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("import-heartbeat").daemon().factory());

    ImportHeartbeats(ImportRunRepository runs, Clock clock,
            @Value("${tierpilot.import.heartbeat-every:10s}") Duration every) {
        this.runs = runs;
        this.clock = clock;
        this.every = every;
    }

    /** Beats for the run until the returned beat is stopped. */
    Beat start(TenantId tenant, long run) {
        long millis = every.toMillis();
        ScheduledFuture<?> task = beats.scheduleAtFixedRate(() -> beat(tenant, run), millis, millis,
                TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    private void beat(TenantId tenant, long run) {
        try (var mdc = TenantLogContext.open(tenant)) {
            try {
                runs.beat(tenant, run, clock.instant());
            } catch (RuntimeException e) {
                // The next beat tries again (the warning is logged with the tenant, hence inside the MDC's try); a
                // database that stays away fails the import itself.
                log.warn("Could not write the heartbeat of import {}", run, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        beats.shutdownNow();
    }

    /** A running heartbeat; closing it stops the beats. */
    interface Beat extends AutoCloseable {

        @Override
        void close();
    }
}
