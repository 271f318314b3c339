package com.tierpilot.segmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.segmentation.AbcSettings;
import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.LifecycleSettings;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RfmSettings;
import com.tierpilot.segmentation.SegmentationSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The scoring rules of DESIGN.md, on hand-made cases and as properties checked on many random customer bases
 * (seeded, so that a failure repeats).
 */
class ScoringEngineTest {

    private static final LocalDate D = LocalDate.of(2025, 7, 1);
    private static final int DAY = (int) D.toEpochDay();

    @Test
    void equalValuesGetEqualQuintileScoresByTheCountOfStrictlyLowerValues() {
        // Frequencies 1,1,1,1,2,2,3,5,8,8: N = 10.
        CustomerMetrics metrics = customers(new int[] {1, 1, 1, 1, 2, 2, 3, 5, 8, 8});

        ScoredCustomers scored = ScoringEngine.score(metrics, SegmentationSettings.defaults(), D);

        // L = 0 → 1; L = 4 → 1 + floor(20/10) = 3; L = 6 → 4; L = 7 → 4; L = 8 → 5.
        assertThat(scoresF(scored)).containsExactly(1, 1, 1, 1, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void recencyScoresCountTheCustomersWhoBoughtLongerAgo() {
        CustomerMetrics metrics = new CustomerMetrics();
        int[] daysAgo = {1, 1, 5, 30, 200};
        for (int i = 0; i < daysAgo.length; i++) {
            metrics.add(i + 1, "C" + i, 1, 100, DAY - daysAgo[i], DAY - daysAgo[i], DAY - daysAgo[i], 1);
        }

        ScoredCustomers scored = ScoringEngine.score(metrics, SegmentationSettings.defaults(), D);

        // N = 5; strictly greater recency: 3, 3, 2, 1, 0 → 1 + floor(5L/5) = L + 1.
        assertThat(List.of(scored.r(0), scored.r(1), scored.r(2), scored.r(3), scored.r(4)))
                .containsExactly(4, 4, 3, 2, 1);
        assertThat(scored.recencyDays(0)).isEqualTo(1);
    }

    @Test
    void customersWithoutAnOrderInTheWindowGetNoRfmScoreNoSegmentAndNoTier() {
        CustomerMetrics metrics = customers(new int[] {3, 2});
        metrics.add(99, "NONE", 0, 0, CustomerMetrics.NONE, DAY - 900, DAY - 500, 4);

        ScoredCustomers scored = ScoringEngine.score(metrics, SegmentationSettings.defaults(), D);

        assertThat(scored.r(2)).isZero();
        assertThat(scored.segment(2)).isNull();
        assertThat(scored.tier(2)).isNull();
        assertThat(scored.recencyDays(2)).isNull();
        assertThat(scored.stage(2)).isEqualTo(LifecycleStage.CHURNED);
        assertThat(scored.scoredCount()).isEqualTo(2);
    }

    @Test
    void theDefaultGridNamesTheSegmentsOfTheSeed() {
        RfmSettings rfm = RfmSettings.defaults();

        assertThat(rfm.segment(5, 1)).isEqualTo(RfmSegment.NEW);
        assertThat(rfm.segment(5, 3)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(rfm.segment(5, 4)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(rfm.segment(4, 1)).isEqualTo(RfmSegment.PROMISING);
        assertThat(rfm.segment(4, 5)).isEqualTo(RfmSegment.LOYAL);
        assertThat(rfm.segment(3, 2)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
        assertThat(rfm.segment(3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
        assertThat(rfm.segment(3, 4)).isEqualTo(RfmSegment.LOYAL);
        assertThat(rfm.segment(2, 2)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(rfm.segment(1, 4)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(rfm.segment(1, 5)).isEqualTo(RfmSegment.CANT_LOSE);
    }

    @Test
    void aCustomerWhoseRevenueShareBeforeItIsExactlyTheCutIsInTheNextTier() {
        // Monetary 80, 15, 5 (total 100): before-shares 0, 0.80, 0.95.
        CustomerMetrics metrics = new CustomerMetrics();
        metrics.add(1, "A1", 1, 8000, DAY - 1, DAY - 1, DAY - 1, 1);
        metrics.add(2, "B1", 1, 1500, DAY - 1, DAY - 1, DAY - 1, 1);
        metrics.add(3, "C1", 1, 500, DAY - 1, DAY - 1, DAY - 1, 1);

        AbcTier[] tiers = ScoringEngine.abc(metrics, AbcSettings.pareto());

        assertThat(tiers).containsExactly(AbcTier.A, AbcTier.B, AbcTier.C);
    }

    @Test
    void tiesInMonetaryValueAreRankedByCustomerCode() {
        CustomerMetrics metrics = new CustomerMetrics();
        metrics.add(1, "Z", 1, 5000, DAY - 1, DAY - 1, DAY - 1, 1);
        metrics.add(2, "A", 1, 5000, DAY - 1, DAY - 1, DAY - 1, 1);

        AbcTier[] tiers = ScoringEngine.abc(metrics, AbcSettings.pareto());

        // "A" ranks first (share before 0 → A); "Z" has 50% before it → A as well; with 80/95 both are A.
        assertThat(tiers).containsExactly(AbcTier.A, AbcTier.A);
        AbcTier[] strict = ScoringEngine.abc(metrics, new AbcSettings(AbcSettings.Mode.REVENUE_SHARE,
                new BigDecimal("0.5"), new BigDecimal("0.9")));
        assertThat(strict).containsExactly(AbcTier.B, AbcTier.A);
    }

    @Test
    void aCustomerWithNoNetRevenueIsInC() {
        CustomerMetrics metrics = new CustomerMetrics();
        metrics.add(1, "P", 1, 1000, DAY - 1, DAY - 1, DAY - 1, 1);
        metrics.add(2, "Z", 2, 0, DAY - 1, DAY - 1, DAY - 1, 2);
        metrics.add(3, "N", 1, -300, DAY - 1, DAY - 1, DAY - 1, 1);

        assertThat(ScoringEngine.abc(metrics, AbcSettings.pareto())).containsExactly(AbcTier.A, AbcTier.C, AbcTier.C);
    }

    @Test
    void theTwentySixtyTwentyPresetSplitsTheCustomersByCount() {
        CustomerMetrics metrics = customers(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});

        AbcTier[] tiers = ScoringEngine.abc(metrics, AbcSettings.twentySixtyTwenty());

        assertThat(java.util.Arrays.stream(tiers).filter(t -> t == AbcTier.A).count()).isEqualTo(2);
        assertThat(java.util.Arrays.stream(tiers).filter(t -> t == AbcTier.B).count()).isEqualTo(6);
        assertThat(java.util.Arrays.stream(tiers).filter(t -> t == AbcTier.C).count()).isEqualTo(2);
    }

    @Test
    void lifecycleRulesApplyInTheTenantsOrderAndTheFirstMatchWins() {
        CustomerMetrics metrics = new CustomerMetrics();
        metrics.add(1, "NEVER", 0, 0, CustomerMetrics.NONE, CustomerMetrics.NONE, CustomerMetrics.NONE, 0);
        metrics.add(2, "FRESH", 1, 100, DAY - 10, DAY - 10, DAY - 10, 1);
        metrics.add(3, "REGULAR", 6, 900, DAY - 20, DAY - 400, DAY - 20, 6);
        metrics.add(4, "RECENT", 2, 200, DAY - 60, DAY - 300, DAY - 60, 2);
        metrics.add(5, "SLIPPING", 1, 100, DAY - 150, DAY - 300, DAY - 150, 3);
        metrics.add(6, "GONE", 0, 0, CustomerMetrics.NONE, DAY - 900, DAY - 400, 3);
        // A fresh customer who already bought 6 times.
        metrics.add(7, "FRESH_LOYAL", 6, 900, DAY - 2, DAY - 20, DAY - 2, 6);

        LifecycleSettings defaults = LifecycleSettings.defaults();
        var stages = ScoringEngine.lifecycle(metrics, defaults, DAY);
        assertThat(stages).containsExactly(LifecycleStage.POTENTIAL, LifecycleStage.NEW, LifecycleStage.LOYAL,
                LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, LifecycleStage.CHURNED, LifecycleStage.NEW);

        var loyalFirst = new LifecycleSettings(List.of(LifecycleStage.LOYAL, LifecycleStage.NEW,
                LifecycleStage.ACTIVE, LifecycleStage.AT_RISK), 30, 5, 90, 90, 180);
        assertThat(ScoringEngine.lifecycle(metrics, loyalFirst, DAY)[6]).isEqualTo(LifecycleStage.LOYAL);
    }

    @Test
    void thresholdModeScoresByTheTenantsCutPoints() {
        RfmSettings rfm = RfmSettings.defaults().withMode(RfmSettings.Mode.THRESHOLD);
        CustomerMetrics metrics = new CustomerMetrics();
        // recency cuts 30/90/180/270 days, frequency 2/3/5/8 orders, monetary 200/500/1000/3000.
        metrics.add(1, "X", 8, 300000, DAY - 30, DAY - 30, DAY - 30, 8);
        metrics.add(2, "Y", 1, 19999, DAY - 31, DAY - 31, DAY - 31, 1);
        metrics.add(3, "Z", 2, 20000, DAY - 271, DAY - 271, DAY - 271, 2);

        ScoredCustomers scored = ScoringEngine.score(metrics, new SegmentationSettings(rfm, AbcSettings.pareto(),
                LifecycleSettings.defaults(), 0), D);

        assertThat(List.of(scored.r(0), scored.f(0), scored.m(0))).containsExactly(5, 5, 5);
        assertThat(List.of(scored.r(1), scored.f(1), scored.m(1))).containsExactly(4, 1, 1);
        assertThat(List.of(scored.r(2), scored.f(2), scored.m(2))).containsExactly(1, 2, 2);
    }

    /** Property: quintile scores equal a brute-force count, run 1 to 5, and never fall as the value rises. */
    @RepeatedTest(200)
    void quintileScoresFollowTheFormulaOnAnyCustomerBase(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int n = 1 + random.nextInt(300);
        int[] frequencies = new int[n];
        for (int i = 0; i < n; i++) {
            frequencies[i] = 1 + random.nextInt(random.nextBoolean() ? 4 : 60); // many ties, or few
        }
        ScoredCustomers scored = ScoringEngine.score(customers(frequencies), SegmentationSettings.defaults(), D);

        for (int i = 0; i < n; i++) {
            int lower = 0;
            for (int v : frequencies) {
                if (v < frequencies[i]) {
                    lower++;
                }
            }
            assertThat(scored.f(i)).isEqualTo(1 + 5 * lower / n).isBetween(1, 5);
            for (int j = 0; j < n; j++) {
                if (frequencies[j] > frequencies[i]) {
                    assertThat(scored.f(j)).isGreaterThanOrEqualTo(scored.f(i));
                }
            }
        }
    }

    /**
     * Property: the ABC tiers partition the revenue; every A customer had less than the A cut before it, the first
     * non-A customer with revenue had at least it, and the tiers never go back up along the ranking.
     */
    @RepeatedTest(200)
    void abcRevenueSharesAddUpToTheWholeAndRespectTheCuts(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        int n = 1 + random.nextInt(400);
        CustomerMetrics metrics = new CustomerMetrics();
        for (int i = 0; i < n; i++) {
            long cents = (long) Math.exp(random.nextGaussian() * 2 + 9) - (random.nextInt(20) == 0 ? 50_000 : 0);
            metrics.add(i + 1, String.format("C%05d", random.nextInt(100_000)), 1, cents, DAY - 1, DAY - 1, DAY - 1,
                    1);
        }
        AbcTier[] tiers = ScoringEngine.abc(metrics, AbcSettings.pareto());

        long positive = 0;
        long[] byTier = new long[3];
        for (int i = 0; i < n; i++) {
            long v = Math.max(0, metrics.monetaryCents(i));
            positive += v;
            byTier[tiers[i].ordinal()] += v;
        }
        assertThat(byTier[0] + byTier[1] + byTier[2]).as("shares add up to 100%").isEqualTo(positive);
        Integer[] ranked = java.util.stream.IntStream.range(0, n).boxed().sorted(
                java.util.Comparator.<Integer>comparingLong(metrics::monetaryCents).reversed()
                        .thenComparing(metrics::code)).toArray(Integer[]::new);
        long before = 0;
        AbcTier previous = AbcTier.A;
        for (int i : ranked) {
            long v = metrics.monetaryCents(i);
            double share = positive == 0 ? 1 : (double) before / positive;
            AbcTier expected = v <= 0 ? AbcTier.C : share < 0.8 ? AbcTier.A : share < 0.95 ? AbcTier.B : AbcTier.C;
            assertThat(tiers[i]).isEqualTo(expected);
            assertThat(tiers[i].ordinal()).isGreaterThanOrEqualTo(previous.ordinal());
            previous = tiers[i];
            before += Math.max(0, v);
        }
    }

    /** Property: the same data always gives the same result. */
    @RepeatedTest(20)
    void theSameDataGivesTheSameResult(RepetitionInfo repetition) {
        Random random = new Random(5000 + repetition.getCurrentRepetition());
        int[] frequencies = random.ints(500, 1, 30).toArray();
        var first = ScoringEngine.score(customers(frequencies), SegmentationSettings.defaults(), D);
        var second = ScoringEngine.score(customers(frequencies), SegmentationSettings.defaults(), D);
        for (int i = 0; i < frequencies.length; i++) {
            assertThat(second.segment(i)).isEqualTo(first.segment(i));
            assertThat(second.tier(i)).isEqualTo(first.tier(i));
            assertThat(second.stage(i)).isEqualTo(first.stage(i));
        }
    }

    /** Customers with these frequencies, monetary 100 × frequency, a last order 10 days before D. */
    private static CustomerMetrics customers(int[] frequencies) {
        CustomerMetrics metrics = new CustomerMetrics();
        for (int i = 0; i < frequencies.length; i++) {
            metrics.add(i + 1, String.format("C%04d", i), frequencies[i], 10_000L * frequencies[i], DAY - 10,
                    DAY - 400, DAY - 10, frequencies[i]);
        }
        return metrics;
    }

    private static List<Integer> scoresF(ScoredCustomers scored) {
        return java.util.stream.IntStream.range(0, scored.size()).map(scored::f).boxed().toList();
    }
}
