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
        @Nullable String abcTier, String lifecycleStage) {
}
