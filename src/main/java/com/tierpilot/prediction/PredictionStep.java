package com.tierpilot.prediction;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.NightlyStep;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The nightly pipeline's second step: renews the tenant's predictions as of the recompute's date. A failure fails
 * the nightly run (it is retried, and alerts in the end); the previous predictions stay in place meanwhile.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tierpilot.prediction.after-recompute", havingValue = "true", matchIfMissing = true)
class PredictionStep implements NightlyStep {

    private final PredictionService predictions;

    PredictionStep(PredictionService predictions) {
        this.predictions = predictions;
    }

    @Override
    public String name() {
        return "prediction";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        PredictionModel model = predictions.predict(tenant, context.asOf(), context.segmentationRunId());
        return Summary.of("runs.step.prediction.done", model.customers());
    }
}
