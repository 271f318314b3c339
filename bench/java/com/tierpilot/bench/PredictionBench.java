package com.tierpilot.bench;

import com.tierpilot.prediction.engine.BgNbd;
import com.tierpilot.prediction.engine.GammaGamma;
import com.tierpilot.prediction.engine.Predictions;
import com.tierpilot.prediction.engine.PurchaseHistories;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Fits BG/NBD and Gamma-Gamma to 1,000,000 customers and scores every one of them (P(alive), expected purchases in
 * 90 days, expected spend, 12-month CLV). The histories are simulated from the models themselves, with the CDNOW
 * parameters of the papers (seed 11), over customers who joined in the last two years, so the bench also prints
 * how well the fit recovers them. Baseline in the same run: one evaluation of the BG/NBD log-likelihood over all
 * customers, a single pass over the data.
 */
public final class PredictionBench {

    public static void main(String[] args) {
        int customers = 1_000_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--customers")) {
                customers = Integer.parseInt(args[i + 1]);
            }
        }
        PurchaseHistories histories = simulate(customers, new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN),
                new GammaGamma(6.25, 3.74, 15.44, Double.NaN), new Well19937c(11));
        System.out.printf("Simulated %,d customers, %,d with repeat purchases%n", histories.size(),
                histories.repeatBuyers());

        // Warm-up on a slice, so that the timings below are of compiled code.
        PurchaseHistories warm = new PurchaseHistories();
        for (int i = 0; i < Math.min(50_000, histories.size()); i++) {
            warm.add(histories.x(i), histories.tx(i), histories.age(i), histories.meanRepeatSpend(i));
        }
        Predictions.score(warm, BgNbd.fit(warm), GammaGamma.fit(warm), 0.01);

        long start = System.nanoTime();
        double baselineValue = BgNbd.logLikelihood(histories, 0.243, 4.414, 0.793, 2.426);
        double baseline = seconds(start);

        start = System.nanoTime();
        BgNbd purchases = BgNbd.fit(histories);
        double fitPurchases = seconds(start);
        start = System.nanoTime();
        GammaGamma spend = GammaGamma.fit(histories);
        double fitSpend = seconds(start);
        start = System.nanoTime();
        Predictions predictions = Predictions.score(histories, purchases, spend, 0.01);
        double score = seconds(start);
        double total = fitPurchases + fitSpend + score;

        double clv = 0;
        for (int i = 0; i < predictions.size(); i++) {
            clv += predictions.clv12m(i);
        }
        System.out.printf("BG/NBD fit: r=%.3f alpha=%.3f a=%.3f b=%.3f (simulated with 0.243, 4.414, 0.793, 2.426)%n",
                purchases.r(), purchases.alpha(), purchases.a(), purchases.b());
        System.out.printf("Gamma-Gamma fit: p=%.2f q=%.2f v=%.2f (simulated with 6.25, 3.74, 15.44)%n", spend.p(),
                spend.q(), spend.v());
        System.out.printf("Baseline: one log-likelihood pass over all customers %.3f s (LL %.1f)%n", baseline,
                baselineValue);
        System.out.printf("Fit BG/NBD %.2f s, fit Gamma-Gamma %.2f s, score %.2f s: total %.2f s for %,d customers;"
                + " ratio to one pass %.0f; mean 12-month CLV %.2f%n", fitPurchases, fitSpend, score, total,
                histories.size(), total / baseline, clv / predictions.size());
    }

    /** Customers who buy as the BG/NBD model says, observed from their first purchase for up to two years. */
    static PurchaseHistories simulate(int n, BgNbd m, GammaGamma s, RandomGenerator random) {
        RandomDataGenerator draw = RandomDataGenerator.of(random);
        PurchaseHistories histories = new PurchaseHistories();
        for (int c = 0; c < n; c++) {
            double lambda = draw.nextGamma(m.r(), 1 / m.alpha());
            double p = draw.nextBeta(m.a(), m.b());
            double nu = draw.nextGamma(s.q(), 1 / s.v());
            int observedDays = 1 + random.nextInt(730);
            double age = observedDays / 7.0;
            int lastDay = 0;
            int x = 0;
            double spent = 0;
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                int day = (int) (t * 7);
                if (day >= observedDays) {
                    break;
                }
                if (day > lastDay) {
                    x++;
                    lastDay = day;
                    spent += draw.nextGamma(s.p(), 1 / nu);
                }
                if (random.nextDouble() < p) {
                    break;
                }
            }
            histories.add(x, lastDay / 7.0, age, x == 0 ? 0 : spent / x);
        }
        return histories;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
