package com.tierpilot.campaign;

import org.hipparchus.distribution.continuous.TDistribution;
import org.jspecify.annotations.Nullable;

/**
 * The lift of a target group against its control group, with 95% confidence intervals.
 * <ul>
 * <li><b>Conversion</b> (share of members who bought): difference {@code d = p_t − p_c} with the normal
 * approximation {@code SE = sqrt(p_t(1 − p_t)/n_t + p_c(1 − p_c)/n_c)}, interval {@code d ± 1.96 SE}.</li>
 * <li><b>Revenue per member</b> (every member counts, buyers or not): difference of means {@code d = m_t − m_c}
 * with Welch's unequal-variance interval: {@code s²} the sample variance of each group ({@code n − 1} in the
 * denominator), {@code SE = sqrt(s_t²/n_t + s_c²/n_c)}, Welch–Satterthwaite degrees of freedom
 * {@code ν = SE⁴ / ((s_t²/n_t)²/(n_t − 1) + (s_c²/n_c)²/(n_c − 1))}, interval {@code d ± t(0.975, ν) SE}.</li>
 * </ul>
 * An interval that cannot be computed (a group with fewer than two members, or no variance at all) is null.
 */
public final class Lift {

    /** The 97.5% quantile of the standard normal distribution. */
    public static final double Z_975 = 1.959963984540054;

    private Lift() {
    }

    /** An estimate and its 95% confidence interval; {@code low}/{@code high} are NaN when none can be given. */
    public record Interval(double estimate, double low, double high) {

        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }

        /** Whether the whole interval lies above zero: the lift is significant at the 5% level. */
        public boolean significant() {
            return hasInterval() && (low > 0 || high < 0);
        }
    }

    /** The difference of conversion rates, target minus control, with its normal-approximation interval. */
    public static @Nullable Interval conversion(long convertedTarget, long target, long convertedControl,
            long control) {
        if (target == 0 || control == 0) {
            return null;
        }
        double pt = (double) convertedTarget / target;
        double pc = (double) convertedControl / control;
        double d = pt - pc;
        double se = Math.sqrt(pt * (1 - pt) / target + pc * (1 - pc) / control);
        return se == 0 ? new Interval(d, Double.NaN, Double.NaN) : new Interval(d, d - Z_975 * se, d + Z_975 * se);
    }

    /**
     * The difference of means, target minus control, with Welch's interval, from each group's count, sum and sum
     * of squares.
     */
    public static @Nullable Interval meanDifference(long nt, double sumT, double squaresT, long nc, double sumC,
            double squaresC) {
        if (nt == 0 || nc == 0) {
            return null;
        }
        double mt = sumT / nt;
        double mc = sumC / nc;
        double d = mt - mc;
        if (nt < 2 || nc < 2) {
            return new Interval(d, Double.NaN, Double.NaN);
        }
        double vt = Math.max(0, (squaresT - sumT * sumT / nt) / (nt - 1)) / nt;
        double vc = Math.max(0, (squaresC - sumC * sumC / nc) / (nc - 1)) / nc;
        double se = Math.sqrt(vt + vc);
        if (se == 0) {
            return new Interval(d, Double.NaN, Double.NaN);
        }
        double df = Math.pow(vt + vc, 2) / (vt * vt / (nt - 1) + vc * vc / (nc - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new Interval(d, d - t * se, d + t * se);
    }

    /** The Welch–Satterthwaite degrees of freedom, for display and tests. */
    public static double welchDegreesOfFreedom(long nt, double varianceT, long nc, double varianceC) {
        double vt = varianceT / nt;
        double vc = varianceC / nc;
        return Math.pow(vt + vc, 2) / (vt * vt / (nt - 1) + vc * vc / (nc - 1));
    }
}
