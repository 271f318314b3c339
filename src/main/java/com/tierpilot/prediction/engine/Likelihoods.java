package com.tierpilot.prediction.engine;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/** What both fits share: a summed log-likelihood, and its maximum over positive parameters. */
final class Likelihoods {

    private static final int CHUNK = 16_384;

    private Likelihoods() {
    }

    /**
     * The sum of {@code term} over customers 0..n-1, in fixed chunks summed in order, so that the result is the same
     * on every run whatever the number of cores.
     */
    static double sum(int n, IntToDoubleFunction term) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] partial = IntStream.range(0, chunks).parallel().mapToDouble(c -> {
            double s = 0;
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                s += term.applyAsDouble(i);
            }
            return s;
        }).toArray();
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** The evaluations one simplex run may take. */
    static final int MAX_EVALUATIONS = 20_000;

    /**
     * Maximises a log-likelihood over positive parameters with Hipparchus' Nelder-Mead simplex, on the logs of
     * the parameters (so they stay positive), restarting from the optimum until it no longer improves: a simplex
     * can stall before the optimum, and a restart costs little.
     */
    static double[] maximise(MultivariateFunction logLikelihood, double[] start) {
        return maximise(logLikelihood, start, 0.5);
    }

    /** As {@link #maximise(MultivariateFunction, double[])}, with the simplex's first step (in log-parameters). */
    static double[] maximise(MultivariateFunction logLikelihood, double[] start, double step) {
        return maximise(logLikelihood, start, step, MAX_EVALUATIONS);
    }

    /**
     * As {@link #maximise(MultivariateFunction, double[], double)}, within bounds: every parameter in [lower,
     * upper], the log-likelihood taken as −∞ outside (the simplex walks back in). The start must be inside.
     */
    static double[] maximise(MultivariateFunction logLikelihood, double[] start, double step, double[] lower,
            double[] upper) {
        return maximise(logLikelihood, start, step, MAX_EVALUATIONS, lower, upper);
    }

    /** Whether every value is finite and strictly inside its (lower, upper), more than 1% away from either bound. */
    static boolean inside(double[] values, double[] lower, double[] upper) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v > lower[i] * 1.01 && v < upper[i] / 1.01)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #maximise(MultivariateFunction, double[], double)}, with the budget of each simplex run. */
    static double[] maximise(MultivariateFunction logLikelihood, double[] start, double step, int maxEvaluations) {
        double[] lower = new double[start.length];
        double[] upper = new double[start.length];
        java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
        return maximise(logLikelihood, start, step, maxEvaluations, lower, upper);
    }

    private static double[] maximise(MultivariateFunction logLikelihood, double[] start, double step,
            int maxEvaluations, double[] lower, double[] upper) {
        double[] inside = start.clone();
        for (int i = 0; i < inside.length; i++) {
            inside[i] = Math.min(Math.max(inside[i], lower[i] * 1.001), upper[i] / 1.001);
        }
        start = inside;
        MultivariateFunction onLogs = theta -> {
            double[] params = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                params[i] = Math.exp(theta[i]);
                if (!(params[i] >= lower[i] && params[i] <= upper[i])) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            double value = logLikelihood.value(params);
            return Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
        };
        double[] theta = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            theta[i] = Math.log(start[i]);
        }
        // The best point seen, kept for data on which the simplex never settles: with no spread between customers
        // (every one bought the same number of times, say) the likelihood keeps rising as the parameters run off
        // together, and the fit takes the best point within the evaluation budget, whose predictions are the
        // limit's within rounding.
        double[] seenValue = {Double.NEGATIVE_INFINITY};
        double[][] seenPoint = {theta.clone()};
        MultivariateFunction tracked = point -> {
            double value = onLogs.value(point);
            if (value > seenValue[0]) {
                seenValue[0] = value;
                seenPoint[0] = point.clone();
            }
            return value;
        };
        double best = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < 5; restart++) {
            SimplexOptimizer optimiser = new SimplexOptimizer(1e-10, 1e-12);
            try {
                PointValuePair optimum = optimiser.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(tracked),
                        GoalType.MAXIMIZE, new InitialGuess(theta), new NelderMeadSimplex(theta.length,
                                restart == 0 ? step : 0.5 * step));
                theta = optimum.getPoint();
                boolean improved = optimum.getValue() > best + 1e-9;
                best = Math.max(best, optimum.getValue());
                if (!improved && restart > 0) {
                    break;
                }
            } catch (MathIllegalStateException unsettled) {
                if (unsettled.getSpecifier() != LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
                    throw unsettled;
                }
                theta = seenPoint[0];
                break;
            }
        }
        double[] params = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            params[i] = Math.exp(theta[i]);
        }
        return params;
    }

    /**
     * Where to start a fit on many customers: the fit on a systematic sample of about {@code SAMPLE} of them, from
     * which the fit on all needs only a short walk.
     */
    static double[] warmStart(PurchaseHistories h, java.util.function.Function<PurchaseHistories, double[]> fit,
            double[] cold) {
        if (h.size() <= 2 * SAMPLE) {
            return cold;
        }
        PurchaseHistories sample = new PurchaseHistories();
        int every = h.size() / SAMPLE;
        for (int i = 0; i < h.size(); i += every) {
            sample.add(h.x(i), h.tx(i), h.age(i), h.meanRepeatSpend(i));
        }
        return fit.apply(sample);
    }

    static final int SAMPLE = 25_000;
}
