package com.tierpilot.prediction.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each customer's predictions, with the CDNOW parameters of the published fits. */
class PredictionsTest {

    static final BgNbd PURCHASES = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
    static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44, Double.NaN);

    @Test
    void twelveMonthsValueIsTheMonthlyExpectedPurchasesTimesTheSpendDiscountedMonthByMonth() {
        PurchaseHistories h = new PurchaseHistories();
        h.add(2, 30.43, 38.86, 22.35);

        Predictions p = Predictions.score(h, PURCHASES, SPEND, 0.01);

        double aov = SPEND.expectedAverageSpend(2, 22.35);
        double byHand = 0;
        for (int m = 1; m <= 12; m++) {
            double month = PURCHASES.expectedPurchases(m * Predictions.WEEKS_PER_MONTH, 2, 30.43, 38.86)
                    - PURCHASES.expectedPurchases((m - 1) * Predictions.WEEKS_PER_MONTH, 2, 30.43, 38.86);
            byHand += month * aov / Math.pow(1.01, m);
        }
        assertThat(p.clv12m(0)).isCloseTo(byHand, within(1e-9));
        assertThat(p.averageSpend(0)).isCloseTo(aov, within(1e-12));
        assertThat(p.expectedPurchases90d(0)).isCloseTo(PURCHASES.expectedPurchases(90 / 7.0, 2, 30.43, 38.86),
                within(1e-12));
    }

    @Test
    void aHigherDiscountRateLowersTheValueAndNoDiscountGivesTheUndiscountedSum() {
        PurchaseHistories h = new PurchaseHistories();
        h.add(5, 35, 38.86, 40);

        double none = Predictions.score(h, PURCHASES, SPEND, 0).clv12m(0);
        double some = Predictions.score(h, PURCHASES, SPEND, 0.01).clv12m(0);
        double more = Predictions.score(h, PURCHASES, SPEND, 0.05).clv12m(0);

        double year = PURCHASES.expectedPurchases(12 * Predictions.WEEKS_PER_MONTH, 5, 35, 38.86)
                * SPEND.expectedAverageSpend(5, 40);
        assertThat(none).isCloseTo(year, within(1e-9));
        assertThat(some).isLessThan(none).isGreaterThan(more);
    }

    @Test
    void aLapsedFrequentBuyerIsWorthLessThanAnActiveOneWithTheSameHistory() {
        PurchaseHistories h = new PurchaseHistories();
        h.add(8, 38, 38.86, 30);
        h.add(8, 12, 38.86, 30);

        Predictions p = Predictions.score(h, PURCHASES, SPEND, 0.01);

        assertThat(p.pAlive(1)).isLessThan(p.pAlive(0));
        assertThat(p.clv12m(1)).isLessThan(p.clv12m(0));
        assertThat(p.averageSpend(1)).isEqualTo(p.averageSpend(0));
    }
}
