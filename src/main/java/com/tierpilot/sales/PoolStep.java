package com.tierpilot.sales;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.NightlyStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A nightly step after the grades and before the revisit tasks: customers whose owner logged no follow-up in time go
 * back to the shared pool (their open tasks then go to the unassigned queue), and owners are told the night before.
 */
@Component
@Order(26)
class PoolStep implements NightlyStep {

    private final SharedPoolService pool;
    private final ProspectGradeService grades;

    PoolStep(SharedPoolService pool, ProspectGradeService grades) {
        this.pool = pool;
        this.grades = grades;
    }

    @Override
    public String name() {
        return "shared-pool";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        SharedPoolService.NightResult night = pool.night(tenant, grades.today(tenant));
        return Summary.of("runs.step.shared-pool.done", night.returned(), night.told());
    }
}
