package com.tierpilot.prediction;

import com.tierpilot.base.TenantLogContext;
import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.segmentation.SegmentationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After the sample data is gone (issue 17, item 5), the model fitted with it is gone too
 * ({@code SamplePredictionsRemoval}); when the company has a recompute of its own left, its predictions are fitted
 * again as of that recompute's date, as they were before the sample was loaded. A failure is logged with the tenant
 * and leaves the company without a model until the next recompute, as a new company is.
 */
@Component
class PredictAfterSampleRemoval {

    private static final Logger log = LoggerFactory.getLogger(PredictAfterSampleRemoval.class);

    private final PredictionService predictions;
    private final SegmentationService segmentation;

    PredictAfterSampleRemoval(PredictionService predictions, SegmentationService segmentation) {
        this.predictions = predictions;
        this.segmentation = segmentation;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void refit(SampleDataRemoval removal) {
        segmentation.currentRun(removal.tenant()).ifPresent(run -> {
            try {
                predictions.predict(removal.tenant(), run.asOf(), run.id());
            } catch (RuntimeException e) {
                try (MDC.MDCCloseable tenant = TenantLogContext.open(removal.tenant())) {
                    log.error("Predictions after removing the sample data failed", e);
                }
            }
        });
    }
}
