package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.tenant.TenantProfile;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.TenantSignedUp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The metric {@code tierpilot.segmentation.last.success}: per tenant (tag {@code tenant}), the epoch second at which
 * its current recompute finished, 0 if none. It reads the database (at most once a minute per tenant), so every
 * node reports the same value, whichever node ran the recompute. Alert on {@code time() - value > 26h}.
 */
@Component
class LastSuccessGauge {

    static final String NAME = "tierpilot.segmentation.last.success";
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final MeterRegistry registry;
    private final SegmentationService segmentation;
    private final TenantService tenants;
    private final Clock clock;
    private final Map<Long, Cached> values = new ConcurrentHashMap<>();

    LastSuccessGauge(MeterRegistry registry, SegmentationService segmentation, TenantService tenants, Clock clock) {
        this.registry = registry;
        this.segmentation = segmentation;
        this.tenants = tenants;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerAll() {
        for (TenantProfile tenant : tenants.activeTenants()) {
            register(tenant.tenantId());
        }
    }

    @EventListener
    void onSignUp(TenantSignedUp signedUp) {
        register(signedUp.tenantId());
    }

    private void register(TenantId tenant) {
        Gauge.builder(NAME, () -> value(tenant)).tag("tenant", tenant.toString()).baseUnit("seconds")
                .description("When the tenant's current recompute finished (epoch seconds)").register(registry);
    }

    double value(TenantId tenant) {
        Instant now = clock.instant();
        Cached cached = values.get(tenant.value());
        if (cached == null || cached.readAt().plus(REFRESH).isBefore(now)) {
            long finished = segmentation.currentRun(tenant).map(RunStatus::finishedAt)
                    .map(Instant::getEpochSecond).orElse(0L);
            cached = new Cached(finished, now);
            values.put(tenant.value(), cached);
        }
        return cached.epochSecond();
    }

    private record Cached(long epochSecond, Instant readAt) {
    }
}
