package com.tierpilot.segmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.segmentation.AbcSettings;
import com.tierpilot.segmentation.LifecycleSettings;
import com.tierpilot.segmentation.RfmSettings;
import com.tierpilot.segmentation.SegmentationSettings;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The frozen cut points of issue 21: on the full run's own customers they give exactly the full run's quintile scores,
 * RFM segments and ABC tiers (checked on random customer bases, seeded), and a new value between two of them scores
 * like the nearest value below it.
 */
class FrozenScoringTest {

    private static final LocalDate D = LocalDate.of(2026, 12, 7);
    private static final int DAY = (int) D.toEpochDay();

    @RepeatedTest(40)
    void theCutPointsOfAFullRunGiveItsOwnCustomersTheirQuintileScoresAndTiers(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        CustomerMetrics metrics = new CustomerMetrics();
        int size = 1 + random.nextInt(400);
        for (int i = 0; i < size; i++) {
            int orders = random.nextInt(6);
            int last = DAY - 1 - random.nextInt(365);
            // Distinct monetary values: ABC ranks by value and then by code, which a cut on the value alone cannot
            // reproduce for equal values split across two tiers.
            long cents = orders == 0 ? 0 : 100L * (1 + random.nextInt(50)) * 1000 + i;
            metrics.add(i + 1, "C" + i, orders, cents, orders == 0 ? CustomerMetrics.NONE : last,
                    orders == 0 ? CustomerMetrics.NONE : last - random.nextInt(400),
                    orders == 0 ? CustomerMetrics.NONE : last, orders + random.nextInt(3));
        }
        for (AbcSettings abc : new AbcSettings[] {AbcSettings.pareto(), AbcSettings.twentySixtyTwenty()}) {
            SegmentationSettings settings = new SegmentationSettings(RfmSettings.defaults(), abc,
                    LifecycleSettings.defaults(), 0);
            ScoredCustomers full = ScoringEngine.score(metrics, settings, D);

            ScoredCustomers frozen = FrozenScoring.score(metrics, settings, cutsOf(full), D);

            for (int i = 0; i < size; i++) {
                assertThat(frozen.r(i)).as("R of customer %d", i).isEqualTo(full.r(i));
                assertThat(frozen.f(i)).as("F of customer %d", i).isEqualTo(full.f(i));
                assertThat(frozen.m(i)).as("M of customer %d", i).isEqualTo(full.m(i));
                assertThat(frozen.segment(i)).isEqualTo(full.segment(i));
                assertThat(frozen.tier(i)).as("tier of customer %d", i).isEqualTo(full.tier(i));
                assertThat(frozen.stage(i)).isEqualTo(full.stage(i));
            }
        }
    }

    @Test
    void aValueNoCustomerHadScoresLikeTheNearestValueBelowIt() {
        // Frequencies 1, 2, 4, 8, 16 score 1..5 in the full run; 3 and 9 were nobody's.
        Map<Integer, Long> frequency = Map.of(1, 1L, 2, 2L, 3, 4L, 4, 8L, 5, 16L);
        CutPoints cuts = CutPoints.of(Map.of(5, 1L, 4, 2L, 3, 5L, 2, 9L, 1, 30L), frequency,
                Map.of(1, 100L, 5, 90_000L), 50_000L, 10_000L);
        assertThat(cuts.frequency()).containsExactly(2, 4, 8, 16);
        assertThat(cuts.recency()).containsExactly(1, 2, 5, 9);
        // Nobody scored M 2..4: one cut for all of them.
        assertThat(cuts.monetaryCents()).containsExactly(90_000, 90_000, 90_000, 90_000);
        assertThat(CutPoints.decode(cuts.encode())).isEqualTo(cuts);

        CustomerMetrics two = new CustomerMetrics();
        two.add(1, "N1", 3, 60_000, DAY - 3, DAY - 100, DAY - 3, 9);
        two.add(2, "N2", 9, 0, DAY - 40, DAY - 300, DAY - 40, 20);
        ScoredCustomers scored = FrozenScoring.score(two, SegmentationSettings.defaults(), cuts, D);

        assertThat(scored.f(0)).isEqualTo(2); // 3 lies between 2 (score 2) and 4 (score 3)
        assertThat(scored.r(0)).isEqualTo(3); // 3 days: above 2 (score 4), up to 5 (score 3)
        assertThat(scored.tier(0)).hasToString("A");
        assertThat(scored.f(1)).isEqualTo(4);
        assertThat(scored.r(1)).isEqualTo(1);
        assertThat(scored.m(1)).isEqualTo(1);
        assertThat(scored.tier(1)).hasToString("C");
    }

    /** The cut points as IntradayRepository derives them from a run's rows. */
    private static CutPoints cutsOf(ScoredCustomers full) {
        Map<Integer, Long> r = new HashMap<>();
        Map<Integer, Long> f = new HashMap<>();
        Map<Integer, Long> m = new HashMap<>();
        Long a = null;
        Long b = null;
        CustomerMetrics metrics = full.metrics();
        for (int i = 0; i < full.size(); i++) {
            if (!metrics.scored(i)) {
                continue;
            }
            r.merge(full.r(i), (long) full.recencyDays(i), Math::max);
            f.merge(full.f(i), (long) metrics.frequency(i), Math::min);
            m.merge(full.m(i), metrics.monetaryCents(i), Math::min);
            long cents = metrics.monetaryCents(i);
            if (cents > 0 && full.tier(i).name().equals("A")) {
                a = a == null ? cents : Math.min(a, cents);
            }
            if (cents > 0 && full.tier(i).name().equals("B")) {
                b = b == null ? cents : Math.min(b, cents);
            }
        }
        return CutPoints.of(r, f, m, a, b);
    }
}
