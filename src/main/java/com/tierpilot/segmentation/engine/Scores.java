package com.tierpilot.segmentation.engine;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * Quintile and threshold scores from 1 to 5. Quintile: {@code score = 1 + floor(5 × L / N)}, where N is the number
 * of scored customers and L the number of them with a worse value (strictly lower, or for recency strictly
 * greater). Equal values get equal scores.
 */
final class Scores {

    private Scores() {
    }

    /** Scores where a larger value is better (frequency, monetary). Unscored customers get 0. */
    static byte[] quintilesHigherIsBetter(int size, IntPredicate scored, IntToLongFunction value) {
        long[] sorted = sortedValues(size, scored, value);
        int n = sorted.length;
        byte[] scores = new byte[size];
        for (int i = 0; i < size; i++) {
            if (scored.test(i)) {
                long lower = lowerBound(sorted, value.applyAsLong(i));
                scores[i] = (byte) (1 + 5 * lower / n);
            }
        }
        return scores;
    }

    /** Scores where a smaller value is better (recency in days). Unscored customers get 0. */
    static byte[] quintilesLowerIsBetter(int size, IntPredicate scored, IntToLongFunction value) {
        long[] sorted = sortedValues(size, scored, value);
        int n = sorted.length;
        byte[] scores = new byte[size];
        for (int i = 0; i < size; i++) {
            if (scored.test(i)) {
                long greater = n - upperBound(sorted, value.applyAsLong(i));
                scores[i] = (byte) (1 + 5 * greater / n);
            }
        }
        return scores;
    }

    /** Threshold scores where a larger value is better: 1 below the first cut, 5 from the fourth. */
    static byte[] thresholdsHigherIsBetter(int size, IntPredicate scored, IntToLongFunction value, long[] cuts) {
        byte[] scores = new byte[size];
        for (int i = 0; i < size; i++) {
            if (scored.test(i)) {
                long v = value.applyAsLong(i);
                int score = 1;
                for (long cut : cuts) {
                    if (v >= cut) {
                        score++;
                    }
                }
                scores[i] = (byte) score;
            }
        }
        return scores;
    }

    /** Threshold scores where a smaller value is better: 5 up to the first cut, 1 above the fourth. */
    static byte[] thresholdsLowerIsBetter(int size, IntPredicate scored, IntToLongFunction value, long[] cuts) {
        byte[] scores = new byte[size];
        for (int i = 0; i < size; i++) {
            if (scored.test(i)) {
                long v = value.applyAsLong(i);
                int score = 5;
                for (long cut : cuts) {
                    if (v > cut) {
                        score--;
                    }
                }
                scores[i] = (byte) score;
            }
        }
        return scores;
    }

    private static long[] sortedValues(int size, IntPredicate scored, IntToLongFunction value) {
        long[] values = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (scored.test(i)) {
                values[n++] = value.applyAsLong(i);
            }
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The number of values strictly lower than {@code key}. */
    static int lowerBound(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The number of values lower than or equal to {@code key}. */
    static int upperBound(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
