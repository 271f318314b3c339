package com.tierpilot.prediction;

import com.tierpilot.base.TenantLogContext;
import com.tierpilot.segmentation.SegmentationPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Renews the tenant's predictions after each recompute started from a screen or the API (the nightly pipeline has its
 * own {@link PredictionStep}), as of the same date, in
 * the recompute's thread. A failed prediction leaves the previous predictions in place and does not undo the
 * recompute: it is logged with the tenant, and the next recompute tries again. Off with
 * {@code tierpilot.prediction.after-recompute=false} (the recompute benchmark times the recompute alone).
 */
@Component
@ConditionalOnProperty(name = "tierpilot.prediction.after-recompute", havingValue = "true", matchIfMissing = true)
class PredictAfterRecompute {

    private static final Logger log = LoggerFactory.getLogger(PredictAfterRecompute.class);

    private final PredictionService predictions;

    PredictAfterRecompute(PredictionService predictions) {
        this.predictions = predictions;
    }

    @EventListener
    void predict(SegmentationPublished published) {
        if (published.followUpsChained()) {
            return; // the nightly pipeline predicts in its own step (PredictionStep), where a failure counts
        }
        try {
            predictions.predict(published.tenant(), published.asOf(), published.runId());
        } catch (RuntimeException e) {
            try (MDC.MDCCloseable tenant = TenantLogContext.open(published.tenant())) {
                log.error("Prediction after recompute {} failed; the previous predictions stay", published.runId(),
                        e);
            }
        }
    }
}
