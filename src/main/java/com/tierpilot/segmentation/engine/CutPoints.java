package com.tierpilot.segmentation.engine;

import java.util.Arrays;
import java.util.Map;

/**
 * The cut points of a full run, frozen for the intraday runs after it (issue 21): scores are monotone in their value,
 * so a full run's quintile score of a value equals its threshold score with these cuts, and one customer's new
 * orders move that customer only, not the quintiles of everyone else.
 * <ul>
 * <li>{@code recency}: the largest recency (days) that scored 5, 4, 3 and 2 or better, ascending; 0 where no customer
 * reached the score (no recency of at least 1 day reaches it then);</li>
 * <li>{@code frequency}, {@code monetaryCents}: the smallest value that scored 2, 3, 4 and 5 or better;
 * {@link Long#MAX_VALUE} where nobody reached the score;</li>
 * <li>{@code aFromCents}, {@code bFromCents}: the smallest monetary value in tier A, and in tier B or better
 * ({@link Long#MAX_VALUE}: none); a positive value from {@code aFromCents} on is in A, from {@code bFromCents} in B,
 * else in C.</li>
 * </ul>
 * A value that no customer of the full run had gets the score of the nearest value below it that one had (above it,
 * for recency).
 */
public record CutPoints(long[] recency, long[] frequency, long[] monetaryCents, long aFromCents, long bFromCents) {

    private static final long NONE = Long.MAX_VALUE;

    /**
     * The cut points of a run from its rows' extremes per score: {@code maxRecency} (score to the largest recency of
     * a customer with that R score), {@code minFrequency} and {@code minMonetaryCents} (score to the smallest value),
     * and the smallest monetary value in tier A and in tier B (null: none).
     */
    public static CutPoints of(Map<Integer, Long> maxRecency, Map<Integer, Long> minFrequency,
            Map<Integer, Long> minMonetaryCents, Long aMinCents, Long bMinCents) {
        long[] r = new long[4];
        long reach = 0;
        for (int j = 0; j < 4; j++) {
            Long max = maxRecency.get(5 - j); // scores 5, 4, 3, 2
            reach = Math.max(reach, max == null ? 0 : max);
            r[j] = reach;
        }
        long a = aMinCents == null ? NONE : aMinCents;
        long b = Math.min(a, bMinCents == null ? NONE : bMinCents);
        return new CutPoints(r, higherIsBetter(minFrequency), higherIsBetter(minMonetaryCents), a, b);
    }

    private static long[] higherIsBetter(Map<Integer, Long> minimum) {
        long[] cuts = new long[4];
        long reach = NONE;
        for (int score = 5; score >= 2; score--) {
            Long min = minimum.get(score);
            reach = Math.min(reach, min == null ? NONE : min);
            cuts[score - 2] = reach;
        }
        return cuts;
    }

    /** The tier of a monetary value (in cents) by the frozen ABC cut points. */
    public String tier(long cents) {
        if (cents <= 0) {
            return "C";
        }
        return cents >= aFromCents ? "A" : cents >= bFromCents ? "B" : "C";
    }

    /** The stored form: {@code R:1,2,3,4;F:...;M:...;A:x;B:y}. */
    public String encode() {
        return "R:" + join(recency) + ";F:" + join(frequency) + ";M:" + join(monetaryCents) + ";A:" + aFromCents
                + ";B:" + bFromCents;
    }

    public static CutPoints decode(String text) {
        long[][] lists = new long[3][];
        long a = NONE;
        long b = NONE;
        for (String part : text.split(";")) {
            String value = part.substring(2);
            switch (part.charAt(0)) {
                case 'R' -> lists[0] = split(value);
                case 'F' -> lists[1] = split(value);
                case 'M' -> lists[2] = split(value);
                case 'A' -> a = Long.parseLong(value);
                case 'B' -> b = Long.parseLong(value);
                default -> throw new IllegalArgumentException("cut points " + text);
            }
        }
        return new CutPoints(lists[0], lists[1], lists[2], a, b);
    }

    private static String join(long[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(Long::toString).toList());
    }

    private static long[] split(String values) {
        return Arrays.stream(values.split(",")).mapToLong(Long::parseLong).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CutPoints c && encode().equals(c.encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
