package com.tierpilot.revisit;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.NightlyStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A nightly pipeline step, after the recompute and the predictions: creates the revisit tasks due by the coming
 * week from the plans and the customers' fresh tiers, for the company's today. Idempotent, as steps must be.
 */
@Component
@Order(30)
class RevisitStep implements NightlyStep {

    private final RevisitTaskService tasks;

    RevisitStep(RevisitTaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "revisit-tasks";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        return Summary.of("runs.step.revisit-tasks.done", tasks.generate(tenant, tasks.today(tenant)));
    }
}
