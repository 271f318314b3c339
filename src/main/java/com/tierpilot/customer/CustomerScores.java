package com.tierpilot.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A customer's computed scores as the REST API shows them under {@code segmentation}: the segmentation of the
 * current run (and, with churn prediction, its model figures). Provided by other modules through
 * {@link CustomerScoreSource}, so that this module does not depend on them.
 */
public record CustomerScores(LocalDate asOf, @Nullable Integer recencyDays, int frequency, BigDecimal monetary,
        @Nullable Integer r, @Nullable Integer f, @Nullable Integer m, @Nullable String rfmSegment,
        @Nullable String abcTier, String lifecycleStage, @Nullable BigDecimal pAlive,
        @Nullable BigDecimal expectedPurchases90d, @Nullable BigDecimal clv12m) {

    /** The segmentation alone, before any prediction is added. */
    public CustomerScores(LocalDate asOf, @Nullable Integer recencyDays, int frequency, BigDecimal monetary,
            @Nullable Integer r, @Nullable Integer f, @Nullable Integer m, @Nullable String rfmSegment,
            @Nullable String abcTier, String lifecycleStage) {
        this(asOf, recencyDays, frequency, monetary, r, f, m, rfmSegment, abcTier, lifecycleStage, null, null, null);
    }

    /** These scores with the customer's predicted P(alive), purchases in the next 90 days and 12-month value. */
    public CustomerScores withPrediction(BigDecimal pAlive, BigDecimal expectedPurchases90d, BigDecimal clv12m) {
        return new CustomerScores(asOf, recencyDays, frequency, monetary, r, f, m, rfmSegment, abcTier,
                lifecycleStage, pAlive, expectedPurchases90d, clv12m);
    }
}
