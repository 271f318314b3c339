package com.tierpilot.prediction.engine;

import java.util.Arrays;

/**
 * The per-customer summaries both models are fitted on, column by column in primitive arrays: x, the number of
 * repeat purchase occasions (days with a purchase after the first); t_x, the weeks from the first to the last
 * purchase; T, the weeks from the first purchase to the date of the prediction; and the mean spend of the repeat
 * occasions (0 without any).
 */
public final class PurchaseHistories {

    private int[] x = new int[1024];
    private double[] tx = new double[1024];
    private double[] age = new double[1024];
    private double[] meanRepeatSpend = new double[1024];
    private double[] logMeanRepeatSpend = new double[1024];
    private int size;
    private int maxX;

    public void add(int repeatOccasions, double weeksToLast, double weeksObserved, double meanSpendOfRepeats) {
        if (repeatOccasions < 0 || weeksToLast < 0 || weeksObserved < weeksToLast) {
            throw new IllegalArgumentException("need 0 <= x, 0 <= t_x <= T; got x=" + repeatOccasions + ", t_x="
                    + weeksToLast + ", T=" + weeksObserved);
        }
        if (size == x.length) {
            int grown = size * 2;
            x = Arrays.copyOf(x, grown);
            tx = Arrays.copyOf(tx, grown);
            age = Arrays.copyOf(age, grown);
            meanRepeatSpend = Arrays.copyOf(meanRepeatSpend, grown);
            logMeanRepeatSpend = Arrays.copyOf(logMeanRepeatSpend, grown);
        }
        x[size] = repeatOccasions;
        tx[size] = weeksToLast;
        age[size] = weeksObserved;
        meanRepeatSpend[size] = meanSpendOfRepeats;
        logMeanRepeatSpend[size] = meanSpendOfRepeats > 0 ? Math.log(meanSpendOfRepeats) : 0;
        maxX = Math.max(maxX, repeatOccasions);
        size++;
    }

    public int size() {
        return size;
    }

    public int x(int i) {
        return x[i];
    }

    public double tx(int i) {
        return tx[i];
    }

    public double age(int i) {
        return age[i];
    }

    public double meanRepeatSpend(int i) {
        return meanRepeatSpend[i];
    }

    double logMeanRepeatSpend(int i) {
        return logMeanRepeatSpend[i];
    }

    int maxX() {
        return maxX;
    }

    /** How many customers have at least one repeat occasion: what the Gamma-Gamma model is fitted on. */
    public int repeatBuyers() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (x[i] > 0 && meanRepeatSpend[i] > 0) {
                n++;
            }
        }
        return n;
    }
}
