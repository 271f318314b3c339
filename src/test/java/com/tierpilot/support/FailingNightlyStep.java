package com.tierpilot.support;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.NightlyStep;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.Order;

/** A last nightly step that fails for the tenants a test chooses, and does nothing for the others. */
@Order(1000)
public final class FailingNightlyStep implements NightlyStep {

    private static final Set<TenantId> FAILING = ConcurrentHashMap.newKeySet();

    public static void failFor(TenantId tenant) {
        FAILING.add(tenant);
    }

    public static void stopFailing(TenantId tenant) {
        FAILING.remove(tenant);
    }

    @Override
    public String name() {
        return "test-failure";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        if (FAILING.contains(tenant)) {
            throw new IllegalStateException("chosen to fail");
        }
        return Summary.of("runs.step.test-failure.done");
    }
}
