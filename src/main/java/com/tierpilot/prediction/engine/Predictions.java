package com.tierpilot.prediction.engine;

import java.util.stream.IntStream;

/**
 * Each customer's predictions from fitted models, aligned with the {@link PurchaseHistories} they were computed
 * from (index i is the same customer): P(alive), the expected purchase occasions in the next 90 days, the expected
 * spend per occasion, and the value of the next 12 months, each month's expected purchases times the expected spend,
 * discounted monthly.
 */
public final class Predictions {

    /** A month in weeks: 365.25 / 12 / 7. */
    static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;
    static final double WEEKS_IN_90_DAYS = 90 / 7.0;

    private final double[] pAlive;
    private final double[] expected90d;
    private final double[] averageSpend;
    private final double[] clv12m;

    private Predictions(int size) {
        pAlive = new double[size];
        expected90d = new double[size];
        averageSpend = new double[size];
        clv12m = new double[size];
    }

    /**
     * Scores every customer.
     *
     * @param monthlyDiscount the discount rate per month, e.g. 0.01 for 1%
     */
    public static Predictions score(PurchaseHistories h, BgNbd purchases, GammaGamma spend, double monthlyDiscount) {
        Predictions p = new Predictions(h.size());
        IntStream.range(0, h.size()).parallel().forEach(i -> {
            int x = h.x(i);
            double tx = h.tx(i);
            double age = h.age(i);
            p.pAlive[i] = purchases.pAlive(x, tx, age);
            p.expected90d[i] = purchases.expectedPurchases(WEEKS_IN_90_DAYS, x, tx, age);
            double aov = spend.expectedAverageSpend(x, h.meanRepeatSpend(i));
            p.averageSpend[i] = aov;
            double value = 0;
            double before = 0;
            double factor = 1;
            for (int month = 1; month <= 12; month++) {
                double upTo = purchases.expectedPurchases(month * WEEKS_PER_MONTH, x, tx, age);
                factor /= 1 + monthlyDiscount;
                value += (upTo - before) * aov * factor;
                before = upTo;
            }
            p.clv12m[i] = value;
        });
        return p;
    }

    public int size() {
        return pAlive.length;
    }

    public double pAlive(int i) {
        return pAlive[i];
    }

    public double expectedPurchases90d(int i) {
        return expected90d[i];
    }

    public double averageSpend(int i) {
        return averageSpend[i];
    }

    public double clv12m(int i) {
        return clv12m[i];
    }
}
