package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.SegmentationService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The first nightly step: recomputes the tenant's segments in the run the pipeline opened. */
@Component
@Order(0)
class RecomputeStep implements NightlyStep {

    private final SegmentationService segmentation;

    RecomputeStep(SegmentationService segmentation) {
        this.segmentation = segmentation;
    }

    @Override
    public String name() {
        return "recompute";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        RunStatus done = segmentation.execute(tenant, context.segmentationRunId());
        if (done.state() != RunStatus.State.SUCCEEDED) {
            throw new IllegalStateException("Recompute failed: " + done.error());
        }
        return Summary.of("runs.step.recompute.done", done.customers(), done.changes());
    }
}
