package com.tierpilot.sales;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.NightlyStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A nightly step, before the revisit tasks: grades the prospects A-E for the company's today, so that a prospect
 * whose close date comes nearer moves up without anyone touching it. Idempotent.
 */
@Component
@Order(24)
class GradeStep implements NightlyStep {

    private final ProspectGradeService grades;

    GradeStep(ProspectGradeService grades) {
        this.grades = grades;
    }

    @Override
    public String name() {
        return "prospect-grades";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        return Summary.of("runs.step.prospect-grades.done", grades.regrade(tenant, grades.today(tenant)));
    }
}
