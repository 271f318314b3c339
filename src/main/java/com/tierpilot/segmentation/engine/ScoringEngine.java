package com.tierpilot.segmentation.engine;

import com.tierpilot.segmentation.AbcSettings;
import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.LifecycleSettings;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RfmSettings;
import com.tierpilot.segmentation.SegmentationSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Computes every customer's RFM scores and segment, ABC tier and lifecycle stage, as of a date. */
public final class ScoringEngine {

    private ScoringEngine() {
    }

    public static ScoredCustomers score(CustomerMetrics metrics, SegmentationSettings settings, LocalDate asOf) {
        int size = metrics.size();
        int d = (int) asOf.toEpochDay();
        RfmSettings rfm = settings.rfm();
        byte[] r;
        byte[] f;
        byte[] m;
        if (rfm.mode() == RfmSettings.Mode.QUINTILE) {
            r = Scores.quintilesLowerIsBetter(size, metrics::scored, i -> d - metrics.lastOrderInWindow(i));
            f = Scores.quintilesHigherIsBetter(size, metrics::scored, metrics::frequency);
            m = Scores.quintilesHigherIsBetter(size, metrics::scored, metrics::monetaryCents);
        } else {
            r = Scores.thresholdsLowerIsBetter(size, metrics::scored, i -> d - metrics.lastOrderInWindow(i),
                    whole(rfm.recencyCuts()));
            f = Scores.thresholdsHigherIsBetter(size, metrics::scored, metrics::frequency, whole(rfm.frequencyCuts()));
            m = Scores.thresholdsHigherIsBetter(size, metrics::scored, metrics::monetaryCents,
                    cents(rfm.monetaryCuts()));
        }
        RfmSegment[] segments = new RfmSegment[size];
        for (int i = 0; i < size; i++) {
            if (metrics.scored(i)) {
                segments[i] = rfm.segment(r[i], f[i]);
            }
        }
        AbcTier[] tiers = abc(metrics, settings.abc());
        LifecycleStage[] stages = lifecycle(metrics, settings.lifecycle(), d);
        return new ScoredCustomers(metrics, d, r, f, m, segments, tiers, stages);
    }

    /**
     * Ranks the scored customers by monetary value (descending, ties by code) and gives each the tier of the share
     * that the customers before it hold: of revenue, or of customers.
     */
    static AbcTier[] abc(CustomerMetrics metrics, AbcSettings settings) {
        int size = metrics.size();
        AbcTier[] tiers = new AbcTier[size];
        Integer[] ranked = java.util.stream.IntStream.range(0, size).filter(metrics::scored).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(ranked, Comparator.<Integer>comparingLong(metrics::monetaryCents).reversed()
                .thenComparing(metrics::code));
        double aCut = settings.aCut().doubleValue();
        double bCut = settings.bCut().doubleValue();
        long positiveTotal = 0;
        for (int i : ranked) {
            positiveTotal += Math.max(0, metrics.monetaryCents(i));
        }
        long before = 0;
        for (int rank = 0; rank < ranked.length; rank++) {
            int i = ranked[rank];
            long value = metrics.monetaryCents(i);
            if (value <= 0) {
                tiers[i] = AbcTier.C;
                continue;
            }
            double share = settings.mode() == AbcSettings.Mode.REVENUE_SHARE
                    ? (double) before / positiveTotal : (double) rank / ranked.length;
            tiers[i] = share < aCut ? AbcTier.A : share < bCut ? AbcTier.B : AbcTier.C;
            before += value;
        }
        return tiers;
    }

    static LifecycleStage[] lifecycle(CustomerMetrics metrics, LifecycleSettings settings, int d) {
        LifecycleStage[] stages = new LifecycleStage[metrics.size()];
        List<LifecycleStage> order = settings.order();
        for (int i = 0; i < metrics.size(); i++) {
            stages[i] = stage(metrics, i, settings, order, d);
        }
        return stages;
    }

    private static LifecycleStage stage(CustomerMetrics metrics, int i, LifecycleSettings s,
            List<LifecycleStage> order, int d) {
        if (metrics.orders(i) == 0) {
            return LifecycleStage.POTENTIAL;
        }
        int sinceFirst = d - metrics.firstOrder(i);
        int sinceLast = d - metrics.lastOrder(i);
        for (LifecycleStage candidate : order) {
            boolean matches = switch (candidate) {
                case NEW -> sinceFirst <= s.newDays();
                case LOYAL -> metrics.orders(i) >= s.loyalOrders() && sinceLast <= s.loyalDays();
                case ACTIVE -> sinceLast <= s.activeDays();
                case AT_RISK -> sinceLast <= s.atRiskDays();
                default -> false;
            };
            if (matches) {
                return candidate;
            }
        }
        return LifecycleStage.CHURNED;
    }

    private static long[] whole(List<BigDecimal> cuts) {
        return cuts.stream().mapToLong(c -> c.setScale(0, java.math.RoundingMode.CEILING).longValueExact()).toArray();
    }

    private static long[] cents(List<BigDecimal> cuts) {
        return cuts.stream().mapToLong(c -> c.movePointRight(2).setScale(0, java.math.RoundingMode.CEILING)
                .longValueExact()).toArray();
    }
}
