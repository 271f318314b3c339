package com.tierpilot.segmentation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A customer's metrics and segments in the current run. Scores are null when the customer was not scored. */
public record CustomerSegmentation(LocalDate asOf, @Nullable Integer recencyDays, int frequency, BigDecimal monetary,
        @Nullable Integer r, @Nullable Integer f, @Nullable Integer m, @Nullable RfmSegment rfmSegment,
        @Nullable AbcTier abcTier, LifecycleStage lifecycleStage, List<String> ruleSegments) {
}
