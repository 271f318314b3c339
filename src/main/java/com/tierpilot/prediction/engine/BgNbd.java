package com.tierpilot.prediction.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

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
     * The region the fit searches, the same for r, α, a and b: [{@value #LOWER}, {@value #UPPER}] (α in weeks). It
     * holds every published fit by a wide margin (CDNOW: r = 0.243, α = 4.414, a = 0.793, b = 2.426); a maximum on
     * its edge means the data pushed a parameter off to 0 or infinity (a = 3.5e-6 with b = 369, say), and such a
     * fit is not {@link #plausible()}.
     */
    public static final double LOWER = 1e-3;
    public static final double UPPER = 1e4;
    private static final double[][] BOUNDS = {{LOWER, LOWER, LOWER, LOWER}, {UPPER, UPPER, UPPER, UPPER}};

    /**
     * Fits the model by maximum likelihood (equation 6 of the paper) to the customers' histories, on the logs of
     * the parameters within the {@link #LOWER}..{@link #UPPER} region. Customers with the same (x, t_x, T)
     * contribute the same term, so the likelihood is summed over the distinct histories with their counts: with
     * histories in whole days, that is far fewer terms than customers.
     */
    public static BgNbd fit(PurchaseHistories histories) {
        double[] start = Likelihoods.warmStart(histories, sample -> {
            BgNbd fit = fit(sample);
            return new double[] {fit.r(), fit.alpha(), fit.a(), fit.b()};
        }, new double[] {1, 1, 1, 1});
        Distinct d = Distinct.of(histories);
        double[] p = Likelihoods.maximise(params -> d.logLikelihood(params[0], params[1], params[2], params[3]),
                start, start[0] == 1 ? 0.5 : 0.05, BOUNDS[0], BOUNDS[1]);
        return new BgNbd(p[0], p[1], p[2], p[3], logLikelihood(histories, p[0], p[1], p[2], p[3]));
    }

    /**
     * Whether a fit can be used: every parameter finite and inside the search region, not on its edge, and a finite
     * log-likelihood. Otherwise the caller uses population defaults.
     */
    public boolean plausible() {
        return Likelihoods.inside(new double[] {r, alpha, a, b}, BOUNDS[0], BOUNDS[1])
                && Double.isFinite(logLikelihood);
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
     * of the paper), with the Gauss hypergeometric function. Where that closed form cannot be evaluated (a + b + x
     * − 1 near or below 0, a near 1, or a series that does not settle) the same expectation is integrated instead:
     * it is finite for every a, b, r, α > 0, so no parameters inside the model's domain make it throw or give NaN.
     */
    public double expectedPurchases(double weeks, int x, double tx, double age) {
        if (weeks <= 0) {
            return 0;
        }
        double c = a + b + x - 1;
        double z = weeks / (alpha + age + weeks);
        double ifAlive = Double.NaN;
        if (c >= 0.5 && Math.abs(a - 1) >= 1e-3) {
            double hyp = Hypergeometric.f21(r + x, b + x, c, z);
            ifAlive = c / (a - 1) * (1 - Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + weeks))) * hyp);
        }
        if (!Double.isFinite(ifAlive) || ifAlive < 0) {
            ifAlive = integratedIfAlive(r + x, b + x, weeks / (alpha + age));
        }
        return ifAlive * pAlive(x, tx, age);
    }

    /**
     * The purchases expected in the next t weeks of a customer who is alive, with rate λ ~ Gamma(n, α + T) and
     * drop-out p ~ Beta(a, b'): E[(1 − (1 + p·s)^−n) / p] with s = t / (α + T) (Fader, Hardie and Lee 2005,
     * equation 7, averaged over λ). Integrated by parts against the Beta distribution function F, g(1) + ∫ −g′ F, on
     * panels that get finer by decades towards 0 and 1, where F and g′ change fastest.
     */
    double integratedIfAlive(double n, double bPrime, double s) {
        double total = -Math.expm1(-n * Math.log1p(s));
        for (int panel = 0; panel + 1 < PANELS.length; panel++) {
            double lo = PANELS[panel];
            double hi = PANELS[panel + 1];
            double half = (hi - lo) / 2;
            for (int k = 0; k < GAUSS_POINTS.length; k++) {
                double p = lo + half * (GAUSS_POINTS[k] + 1);
                double f = org.hipparchus.special.Beta.regularizedBeta(p, a, bPrime);
                total += half * GAUSS_WEIGHTS[k] * slope(n, s, p) * f;
            }
        }
        return total;
    }

    /** −g′(p) for g(p) = (1 − (1 + p·s)^−n) / p, by its series where the closed form would cancel. */
    private static double slope(double n, double s, double p) {
        double u = p * s;
        if ((n + 5) * u < 1e-2) {
            double t2 = n * (n + 1) / 2;
            double t3 = t2 * (n + 2) / 3 * 2;
            double t4 = t3 / 2 * (n + 3) / 4 * 3;
            double t5 = t4 / 3 * (n + 4) / 5 * 4;
            return s * s * (t2 - u * (t3 - u * (t4 - u * t5)));
        }
        double log1pU = Math.log1p(u);
        return (-Math.expm1(-n * log1pU) - n * u * Math.exp(-(n + 1) * log1pU)) / (p * p);
    }

    private static final double[] PANELS;
    private static final double[] GAUSS_POINTS;
    private static final double[] GAUSS_WEIGHTS;

    static {
        java.util.List<Double> edges = new java.util.ArrayList<>();
        edges.add(0.0);
        for (int e = -15; e <= -1; e++) {
            edges.add(Math.pow(10, e));
        }
        edges.add(0.5);
        for (int e = -1; e >= -15; e--) {
            edges.add(1 - Math.pow(10, e));
        }
        edges.add(1.0);
        PANELS = edges.stream().mapToDouble(Double::doubleValue).toArray();
        var rule = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(12);
        GAUSS_POINTS = new double[rule.getNumberOfPoints()];
        GAUSS_WEIGHTS = new double[rule.getNumberOfPoints()];
        for (int i = 0; i < GAUSS_POINTS.length; i++) {
            GAUSS_POINTS[i] = rule.getPoint(i);
            GAUSS_WEIGHTS[i] = rule.getWeight(i);
        }
    }
}
