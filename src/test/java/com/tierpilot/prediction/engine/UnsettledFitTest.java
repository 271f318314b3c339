package com.tierpilot.prediction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Data with no spread between customers (every one bought ten times, at the same pace) has no finite maximum
 * likelihood: the parameters run off together. The fit must still end, with the best point it reached, and give
 * every customer usable predictions, rather than fail the night.
 */
class UnsettledFitTest {

    @Test
    void aSimplexThatRunsOutOfEvaluationsEndsAtTheBestPointItReachedInsteadOfFailingTheNight() {
        // A smooth hill with its top at (3, 5), and too small a budget to climb it all the way.
        org.hipparchus.analysis.MultivariateFunction hill = p -> -Math.pow(Math.log(p[0] / 3), 2)
                - Math.pow(Math.log(p[1] / 5), 2);

        double[] found = Likelihoods.maximise(hill, new double[] {1, 1}, 0.5, 30);

        assertThat(hill.value(found)).as("better than the start").isGreaterThan(hill.value(new double[] {1, 1}));
        assertThat(java.util.Arrays.stream(found).boxed().toList()).allSatisfy(v -> assertThat(v).isFinite().isPositive());
    }

    @Test
    void customersWhoAllBoughtTenTimesAtOnePriceStillGetFiniteSensiblePredictions() {
        // As NightlyBench generates them: customer k bought on the days (7k + 37s) mod 700 + 1 ago, s = 1..10, so
        // every customer's ten purchases are 37 days apart: no spread at all between customers' rates.
        PurchaseHistories h = new PurchaseHistories();
        for (int k = 1; k <= 1000; k++) {
            java.util.TreeSet<Integer> daysAgo = new java.util.TreeSet<>();
            double spent = 0;
            for (int s = 1; s <= 10; s++) {
                daysAgo.add((7 * k + 37 * s) % 700 + 1);
                spent += 1 + ((37 * k + 11 * s) % 50000) / 100.0;
            }
            int first = daysAgo.last();
            int last = daysAgo.first();
            h.add(daysAgo.size() - 1, (first - last) / 7.0, first / 7.0, spent / 10);
        }

        BgNbd purchases = BgNbd.fit(h);
        GammaGamma spend = GammaGamma.fit(h);
        Predictions p = Predictions.score(h, purchases, spend, 0.01);

        for (int i = 0; i < h.size(); i++) {
            assertThat(p.pAlive(i)).isBetween(0.0, 1.0);
            assertThat(p.expectedPurchases90d(i)).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(p.averageSpend(i)).isFinite().isPositive();
            assertThat(p.clv12m(i)).isFinite().isGreaterThanOrEqualTo(0);
        }
    }
}
