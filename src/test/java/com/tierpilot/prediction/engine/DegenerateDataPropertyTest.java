package com.tierpilot.prediction.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One company's odd data must never fail the night: whatever the order histories (one order, many orders at the same
 * instant, nobody buying twice) and whatever parameters a fit can reach, the models neither throw nor give NaN.
 * Seeded, so a failure is reproducible.
 */
class DegenerateDataPropertyTest {

    /** As reported: 1,000 customers without orders, 300 with random orders, 9 orders of one customer at once. */
    static final BgNbd REPORTED = new BgNbd(0.9, 30, 3.5e-6, 369, Double.NaN);
    static final BgNbd DEFAULTS = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
    static final GammaGamma DEFAULT_SPEND = new GammaGamma(6.25, 3.74, 15.44, Double.NaN);

    @Test
    void parametersWhereTheClosedFormHasNoValidHypergeometricStillGiveFinitePredictions() {
        // a + b + x - 1 < 0 for a customer without repeats: 2F1 has c < 0, which the night once failed on.
        BgNbd tinyAB = new BgNbd(0.5, 2, 3.5e-6, 0.3, Double.NaN);
        // a = 1: the closed form is 0 / 0.
        BgNbd aIsOne = new BgNbd(0.243, 4.414, 1, 2.426, Double.NaN);

        for (BgNbd model : List.of(tinyAB, aIsOne, REPORTED)) {
            for (int x : new int[] {0, 1, 5}) {
                double e = model.expectedPurchases(13, x, x == 0 ? 0 : 10, 20);
                assertThat(e).as("%s, x=%d", model, x).isFinite().isNotNegative();
            }
        }
    }

    @Test
    void theIntegralAgreesWithTheClosedFormWhereBothHold() {
        BgNbd cdnow = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
        for (int x : new int[] {0, 1, 2, 7, 30}) {
            for (double weeks : new double[] {1, 12.86, 52}) {
                for (double age : new double[] {0, 5, 38.86}) {
                    double tx = x == 0 ? 0 : age * 0.7;
                    double closed = cdnow.expectedPurchases(weeks, x, tx, age);
                    double integrated = cdnow.integratedIfAlive(0.243 + x, 2.426 + x, weeks / (4.414 + age))
                            * cdnow.pAlive(x, tx, age);
                    assertThat(integrated).as("x=%d, t=%s, T=%s", x, weeks, age)
                            .isCloseTo(closed, within(1e-6 * Math.max(1, closed)));
                }
            }
        }
        // At a = 1, where the closed form is 0 / 0, the integral lies between the closed forms on either side.
        double below = new BgNbd(0.5, 3, 0.998, 2, Double.NaN).expectedPurchases(20, 3, 10, 30);
        double above = new BgNbd(0.5, 3, 1.002, 2, Double.NaN).expectedPurchases(20, 3, 10, 30);
        double atOne = new BgNbd(0.5, 3, 1, 2, Double.NaN).expectedPurchases(20, 3, 10, 30);
        assertThat(atOne).isBetween(Math.min(below, above), Math.max(below, above));
    }

    @Test
    void thousandsOfRandomHistoriesUnderParametersAnywhereInTheFitRegionGiveNoExceptionAndNoNaN() {
        Random random = new Random(20261206);
        List<BgNbd> models = new ArrayList<>(List.of(REPORTED, new BgNbd(BgNbd.LOWER, BgNbd.LOWER, BgNbd.LOWER,
                BgNbd.LOWER, Double.NaN), new BgNbd(BgNbd.UPPER, BgNbd.UPPER, BgNbd.UPPER, BgNbd.UPPER, Double.NaN),
                new BgNbd(BgNbd.UPPER, BgNbd.LOWER, BgNbd.LOWER, BgNbd.UPPER, Double.NaN)));
        for (int i = 0; i < 60; i++) {
            models.add(new BgNbd(logUniform(random), logUniform(random), logUniform(random), logUniform(random),
                    Double.NaN));
        }
        for (BgNbd model : models) {
            GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44, Double.NaN);
            PurchaseHistories h = randomHistories(random, 60);
            Predictions p = Predictions.score(h, model, spend, 0.01);
            for (int i = 0; i < h.size(); i++) {
                String who = model + " x=" + h.x(i) + " tx=" + h.tx(i) + " T=" + h.age(i);
                assertThat(p.pAlive(i)).as(who).isBetween(0.0, 1.0);
                assertThat(p.expectedPurchases90d(i)).as(who).isFinite().isNotNegative();
                assertThat(p.clv12m(i)).as(who).isFinite();
            }
        }
    }

    @Test
    void companiesWhoseCustomersBuyAsTheModelSaysFitPlausibly() {
        var random = new org.hipparchus.random.Well19937c(2005);
        int plausible = 0;
        for (int company = 0; company < 15; company++) {
            PurchaseHistories h = simulated(random, 400 + random.nextInt(400));
            BgNbd purchases = BgNbd.fit(h);
            GammaGamma spend = GammaGamma.fit(h);
            if (purchases.plausible() && spend.plausible()) {
                plausible++;
            }
        }
        assertThat(plausible).isGreaterThanOrEqualTo(13);
    }

    @Test
    void fitsOnOddCompaniesNeverThrowAndWhatTheNightUsesGivesNoNaN() {
        Random random = new Random(16);
        for (int company = 0; company < 30; company++) {
            PurchaseHistories h = randomHistories(random, 30 + random.nextInt(300));
            BgNbd purchases = BgNbd.fit(h);
            GammaGamma spend = GammaGamma.fit(h);
            assertThat(List.of(purchases.r(), purchases.alpha(), purchases.a(), purchases.b()))
                    .allSatisfy(v -> assertThat(v).isBetween(BgNbd.LOWER, BgNbd.UPPER));
            // As the night does: a fit that is not plausible is replaced by the population defaults.
            Predictions p = Predictions.score(h, purchases.plausible() ? purchases : DEFAULTS,
                    spend.plausible() ? spend : DEFAULT_SPEND, 0.01);
            for (int i = 0; i < h.size(); i++) {
                assertThat(p.pAlive(i)).isBetween(0.0, 1.0);
                assertThat(p.expectedPurchases90d(i)).isFinite().isNotNegative();
                assertThat(p.clv12m(i)).isFinite().isNotNegative();
            }
        }
    }

    @Test
    void dataWithNoSpreadBetweenCustomersEndsOnAnEdgeAndIsNotPlausible() {
        PurchaseHistories h = new PurchaseHistories();
        for (int k = 1; k <= 300; k++) {
            h.add(9, 9 * 37 / 7.0, 9 * 37 / 7.0 + k % 30 / 7.0, 100);
        }

        assertThat(BgNbd.fit(h).plausible()).isFalse();
    }

    /**
     * Customers who buy as BG/NBD and Gamma-Gamma say, with CDNOW-like parameters: a rate from Gamma(0.25, 4), a
     * drop-out from Beta(0.8, 2.4), spends from Gamma(6, ν) with ν from Gamma(3.7, 15); first purchase in the last
     * two years, in whole days.
     */
    private static PurchaseHistories simulated(org.hipparchus.random.RandomGenerator random, int customers) {
        var draw = org.hipparchus.random.RandomDataGenerator.of(random);
        PurchaseHistories h = new PurchaseHistories();
        for (int c = 0; c < customers; c++) {
            double age = random.nextInt(730) / 7.0;
            double lambda = draw.nextGamma(0.25, 1 / 4.0);
            double p = draw.nextBeta(0.8, 2.4);
            double spendScale = 1 / draw.nextGamma(3.7, 1 / 15.0);
            double t = 0;
            double tx = 0;
            int x = 0;
            double spent = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > age) {
                    break;
                }
                x++;
                tx = Math.floor(t * 7) / 7;
                spent += draw.nextGamma(6, spendScale);
                if (random.nextDouble() < p) {
                    break;
                }
            }
            h.add(x, Math.min(tx, age), age, x == 0 ? 0 : spent / x);
        }
        return h;
    }

    private static double logUniform(Random random) {
        return Math.exp(Math.log(BgNbd.LOWER) + random.nextDouble() * Math.log(BgNbd.UPPER / BgNbd.LOWER));
    }

    /**
     * A company's histories in whole days over two years, with the edge cases in every batch: customers with one
     * order, with many orders on one day (one purchase day: no repeats), bought only today, and regulars.
     */
    private static PurchaseHistories randomHistories(Random random, int customers) {
        PurchaseHistories h = new PurchaseHistories();
        h.add(0, 0, 0, 0);
        h.add(0, 0, 104, 0);
        h.add(8, 0.0, 0.0, 55);
        for (int c = 0; c < customers; c++) {
            TreeSet<Integer> daysAgo = new TreeSet<>();
            int kind = random.nextInt(4);
            int orders = switch (kind) {
                case 0 -> 1;
                case 1 -> 9;
                default -> 1 + random.nextInt(20);
            };
            int first = random.nextInt(730);
            for (int o = 0; o < orders; o++) {
                daysAgo.add(kind == 1 ? first : random.nextInt(first + 1));
            }
            int oldest = daysAgo.last();
            int newest = daysAgo.first();
            double spend = random.nextInt(5) == 0 ? 0 : Math.exp(random.nextGaussian() * 2 + 4);
            h.add(daysAgo.size() - 1, (oldest - newest) / 7.0, oldest / 7.0, daysAgo.size() > 1 ? spend : 0);
        }
        return h;
    }
}
