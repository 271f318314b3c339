package com.tierpilot.prediction.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
 * Pareto/NBD Model", Marketing Science 24(2): while alive, a customer buys as a Poisson process with a rate drawn
 * from Gamma(r, α); after each purchase he drops out with a probability drawn from Beta(a, b).
 *
 * @param r the shape of the purchase rates
 * @param alpha the scale of the purchase rates (in weeks)
 * @param a, b the Beta distribution of the drop-out probabilities
 * @param logLikelihood the log-likelihood of the histories the parameters were fitted on (NaN when not fitted)
 */
public record BgNbd(double r, double alpha, double a, double b, double logLikelihood) {

    /**
     * Fits the model by maximum likelihood (equation 6 of the paper) to the customers' histories. Customers with
     * the same (x, t_x, T) contribute the same term, so the likelihood is summed over the distinct histories with
     * their counts: with histories in whole days, that is far fewer terms than customers.
     */
    public static BgNbd fit(PurchaseHistories histories) {
        double[] start = Likelihoods.warmStart(histories, sample -> {
            BgNbd fit = fit(sample);
            return new double[] {fit.r(), fit.alpha(), fit.a(), fit.b()};
        }, new double[] {1, 1, 1, 1});
        Distinct d = Distinct.of(histories);
        double[] p = Likelihoods.maximise(params -> d.logLikelihood(params[0], params[1], params[2], params[3]),
                start, start[0] == 1 ? 0.5 : 0.05);
        return new BgNbd(p[0], p[1], p[2], p[3], logLikelihood(histories, p[0], p[1], p[2], p[3]));
    }

    /** The log-likelihood of the histories under the given parameters. */
    public static double logLikelihood(PurchaseHistories h, double r, double alpha, double a, double b) {
        return logLikelihood(h.size(), h.maxX(), h::x, h::tx, h::age, i -> 1, r, alpha, a, b);
    }

    private static double logLikelihood(int n, int maxX, IntUnaryOperator xs, IntToDoubleFunction txs,
            IntToDoubleFunction ages, IntUnaryOperator weights, double r, double alpha, double a, double b) {
        // Everything that depends on x only, once per distinct x instead of once per customer.
        double[] common = new double[maxX + 1];
        double[] stays = new double[maxX + 1];
        double[] drops = new double[maxX + 1];
        double logGammaR = Gamma.logGamma(r);
        double logBetaAB = Beta.logBeta(a, b);
        for (int x = 0; x <= maxX; x++) {
            common[x] = Gamma.logGamma(r + x) - logGammaR + r * Math.log(alpha) - logBetaAB;
            stays[x] = Beta.logBeta(a, b + x);
            drops[x] = x == 0 ? Double.NEGATIVE_INFINITY : Beta.logBeta(a + 1, b + x - 1);
        }
        return Likelihoods.sum(n, i -> {
            int x = xs.applyAsInt(i);
            double alive = stays[x] - (r + x) * Math.log(alpha + ages.applyAsDouble(i));
            double term;
            if (x == 0) {
                term = common[x] + alive;
            } else {
                double dead = drops[x] - (r + x) * Math.log(alpha + txs.applyAsDouble(i));
                double max = Math.max(alive, dead);
                term = common[x] + max + Math.log(Math.exp(alive - max) + Math.exp(dead - max));
            }
            return weights.applyAsInt(i) * term;
        });
    }

    /** The distinct (x, t_x, T) of the histories, each with how many customers share it. */
    private record Distinct(int[] x, double[] tx, double[] age, int[] count, int maxX) {

        static Distinct of(PurchaseHistories h) {
            Map<Key, Integer> index = new HashMap<>();
            int[] x = new int[h.size()];
            double[] tx = new double[h.size()];
            double[] age = new double[h.size()];
            int[] count = new int[h.size()];
            for (int i = 0; i < h.size(); i++) {
                Key key = new Key(h.x(i), h.tx(i), h.age(i));
                Integer at = index.putIfAbsent(key, index.size());
                int k = at == null ? index.size() - 1 : at;
                x[k] = h.x(i);
                tx[k] = h.tx(i);
                age[k] = h.age(i);
                count[k]++;
            }
            int n = index.size();
            return new Distinct(Arrays.copyOf(x, n), Arrays.copyOf(tx, n), Arrays.copyOf(age, n),
                    Arrays.copyOf(count, n), h.maxX());
        }

        double logLikelihood(double r, double alpha, double a, double b) {
            return BgNbd.logLikelihood(x.length, maxX, i -> x[i], i -> tx[i], i -> age[i], i -> count[i], r, alpha,
                    a, b);
        }

        private record Key(int x, double tx, double age) {
        }
    }

    /** P(alive | x, t_x, T): the probability that the customer has not dropped out (equation 13 of the paper). */
    public double pAlive(int x, double tx, double age) {
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + tx))));
    }

    /**
     * E[Y(t) | x, t_x, T]: the expected number of purchase occasions in the next {@code weeks} weeks (equation 10
     * of the paper), with the Gauss hypergeometric function.
     */
    public double expectedPurchases(double weeks, int x, double tx, double age) {
        if (weeks <= 0) {
            return 0;
        }
        double z = weeks / (alpha + age + weeks);
        double hyp = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1)
                * (1 - Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + weeks))) * hyp);
        double denominator = x == 0 ? 1
                : 1 + a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + tx)));
        return numerator / denominator;
    }
}
