package com.tierpilot.segmentation.engine;

import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.RfmSettings;
import com.tierpilot.segmentation.SegmentationSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a few customers with the cut points of the last full run (an intraday run, issue 21): in quintile mode the
 * frozen quintile cuts take the place of threshold cut points, in threshold mode the company's thresholds apply as
 * always; ABC tiers come from the frozen monetary cuts instead of a ranking; lifecycle and the RFM grid are the usual
 * rules. Nobody else's score depends on these customers.
 */
public final class FrozenScoring {

    private FrozenScoring() {
    }

    public static ScoredCustomers score(CustomerMetrics metrics, SegmentationSettings settings, CutPoints cuts,
            LocalDate asOf) {
        RfmSettings rfm = settings.rfm();
        if (rfm.mode() == RfmSettings.Mode.QUINTILE) {
            rfm = new RfmSettings(rfm.windowDays(), RfmSettings.Mode.THRESHOLD, decimals(cuts.recency(), 0),
                    decimals(cuts.frequency(), 0), decimals(cuts.monetaryCents(), 2), rfm.grid());
        }
        ScoredCustomers scored = ScoringEngine.score(metrics,
                new SegmentationSettings(rfm, settings.abc(), settings.lifecycle(), settings.version()), asOf);
        AbcTier[] tiers = new AbcTier[metrics.size()];
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.scored(i)) {
                tiers[i] = AbcTier.valueOf(cuts.tier(metrics.monetaryCents(i)));
            }
        }
        return scored.withTiers(tiers);
    }

    private static List<BigDecimal> decimals(long[] values, int scale) {
        return Arrays.stream(values).mapToObj(v -> BigDecimal.valueOf(v, scale)).toList();
    }
}
