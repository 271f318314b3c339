package com.tierpilot.prediction.engine;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase occasion (Fader and Hardie 2013, "The Gamma-Gamma Model of Monetary
 * Value"): a customer's occasions have spends drawn from Gamma(p, ν), and the ν differ between customers as
 * Gamma(q, γ). Fitted on customers with at least one repeat occasion, from their number x and mean spend.
 *
 * @param p the shape of the spend per occasion
 * @param q the shape, and
 * @param v the scale (γ in the note) of the customers' ν
 * @param logLikelihood of the customers the parameters were fitted on (NaN when not fitted)
 */
public record GammaGamma(double p, double q, double v, double logLikelihood) {

    /**
     * The region the fit searches: p and q in [0.01, 10,000] (q above 1, else the mean spend is infinite), ν in
     * [10⁻⁶, 10¹²] (money). CDNOW's p = 6.25, q = 3.74, γ = 15.44 lie well inside; a maximum on an edge (q = 1.47e7,
     * say) is not {@link #plausible()}.
     */
    private static final double[] LOWER = {0.01, 1.01, 1e-6};
    private static final double[] UPPER = {1e4, 1e4, 1e12};

    public static GammaGamma fit(PurchaseHistories histories) {
        double[] start = Likelihoods.warmStart(histories, sample -> {
            GammaGamma fit = fit(sample);
            return new double[] {fit.p(), fit.q(), fit.v()};
        }, new double[] {1, 1, 1});
        double[] params = Likelihoods.maximise(t -> logLikelihood(histories, t[0], t[1], t[2]), start,
                start[0] == 1 ? 0.5 : 0.05, LOWER, UPPER);
        return new GammaGamma(params[0], params[1], params[2],
                logLikelihood(histories, params[0], params[1], params[2]));
    }

    /** Whether a fit can be used: inside its region, off the edges, with a finite log-likelihood. */
    public boolean plausible() {
        return Likelihoods.inside(new double[] {p, q, v}, LOWER, UPPER) && Double.isFinite(logLikelihood);
    }

    /** The log-likelihood of the repeat buyers' mean spends (customers without repeats are left out). */
    public static double logLikelihood(PurchaseHistories h, double p, double q, double v) {
        int maxX = h.maxX();
        // The gamma functions depend on x only: once per distinct x, not once per customer.
        double[] perX = new double[maxX + 1];
        double constant = -Gamma.logGamma(q) + q * Math.log(v);
        for (int x = 1; x <= maxX; x++) {
            perX[x] = constant + Gamma.logGamma(p * x + q) - Gamma.logGamma(p * x) + p * x * Math.log(x);
        }
        return Likelihoods.sum(h.size(), i -> {
            int x = h.x(i);
            double mean = h.meanRepeatSpend(i);
            if (x == 0 || mean <= 0) {
                return 0;
            }
            double px = p * x;
            return perX[x] + (px - 1) * h.logMeanRepeatSpend(i) - (px + q) * Math.log(x * mean + v);
        });
    }

    /**
     * The expected spend per occasion of a customer with x repeat occasions of mean spend {@code mean}: the
     * population mean p·γ/(q − 1) without repeats, moving towards the customer's own mean as x grows.
     */
    public double expectedAverageSpend(int x, double mean) {
        if (x == 0 || mean <= 0) {
            return p * v / (q - 1);
        }
        return p * (v + x * mean) / (p * x + q - 1);
    }
}
