package com.tierpilot.prediction.engine;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z), for real arguments with 0 ≤ z < 1 and c not 0 or a negative
 * integer (where the function has poles). Summed as its power series, term by term (each term is the previous one
 * times (a + k)(b + k) / ((c + k)(k + 1)) · z), until a term no longer changes the sum in the 15th significant digit.
 * It never throws inside that domain: when z is so close to 1 that the series does not settle within
 * {@value #MAX_TERMS} terms, or the terms overflow, the answer is NaN, which callers take as "compute it another
 * way" ({@link BgNbd#expectedPurchases} integrates then).
 */
public final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;

    private Hypergeometric() {
    }

    public static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 is summed for 0 <= z < 1 only, not " + z);
        }
        if (!Double.isFinite(c) || c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 has a pole at c = " + c);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            double next = sum + term;
            if (!Double.isFinite(next)) {
                return Double.NaN;
            }
            // While c + k < 0 the terms may still grow: the series has settled only once they shrink.
            if ((next == sum || Math.abs(term) <= 1e-15 * Math.abs(next)) && c + k > 0) {
                return next;
            }
            sum = next;
        }
        return Double.NaN;
    }
}
