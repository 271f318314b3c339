package com.tierpilot.prediction.engine;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z), for the real arguments the BG/NBD model needs: c > 0 and
 * 0 ≤ z < 1. Summed as its power series, term by term (each term is the previous one times
 * (a + k)(b + k) / ((c + k)(k + 1)) · z), until a term no longer changes the sum in the 15th significant digit.
 */
public final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;

    private Hypergeometric() {
    }

    public static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 is summed for 0 <= z < 1 only, not " + z);
        }
        if (!(c > 0)) {
            throw new IllegalArgumentException("2F1 needs c > 0, not " + c);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            double next = sum + term;
            if (next == sum || Math.abs(term) <= 1e-15 * Math.abs(next)) {
                return next;
            }
            sum = next;
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
