package com.tierpilot.analytics.persistence;

import com.tierpilot.analytics.DashboardSnapshot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What one pass over a run's customers adds up: the dashboard's figures before they are stored or shown. */
public final class DashboardTotals {

    /** How many points the Pareto curve has after its origin. */
    public static final int PARETO_POINTS = 100;

    private int customers;
    private int active;
    private long revenueCents;
    private long tierACents;
    /** The scored customers' monetary values, in cents. */
    private long[] monetary = new long[1024];
    private final int[][] cellCustomers = new int[6][6];
    private final long[][] cellCents = new long[6][6];
    private final @Nullable String[][] cellSegment = new String[6][6];
    /** Customers per "scheme\tsegment" of this run, customers in no segment of a scheme under "-". */
    private final Map<String, Integer> sizes = new HashMap<>();
    /** Their monetary values per "scheme\tsegment", in cents. */
    private final Map<String, Long> sizeCents = new HashMap<>();

    public void add(boolean scored, int r, int f, long cents, @Nullable String rfm, @Nullable String abc,
            @Nullable String lifecycle) {
        customers++;
        revenueCents += cents;
        if ("A".equals(abc)) {
            tierACents += cents;
        }
        if (scored) {
            if (active == monetary.length) {
                monetary = Arrays.copyOf(monetary, active * 2);
            }
            monetary[active++] = cents;
            if (r >= 1 && r <= 5 && f >= 1 && f <= 5) {
                cellCustomers[r][f]++;
                cellCents[r][f] += cents;
                if (rfm != null) {
                    cellSegment[r][f] = rfm;
                }
            }
        }
        for (String key : new String[] {"RFM\t" + orNone(rfm), "ABC\t" + orNone(abc),
            "LIFECYCLE\t" + orNone(lifecycle)}) {
            sizes.merge(key, 1, Integer::sum);
            sizeCents.merge(key, cents, Long::sum);
        }
    }

    /**
     * The share of the positive revenue of the active customers that the top {@code i / PARETO_POINTS} of them
     * bring, by monetary value, for i = 0 to {@link #PARETO_POINTS}.
     */
    public double[] pareto() {
        long[] values = Arrays.copyOf(monetary, active);
        Arrays.sort(values);
        long total = 0;
        for (long v : values) {
            total += Math.max(v, 0);
        }
        double[] shares = new double[PARETO_POINTS + 1];
        long cumulative = 0;
        int taken = 0;
        for (int i = 1; i <= PARETO_POINTS; i++) {
            int upTo = (int) Math.ceil((double) active * i / PARETO_POINTS);
            while (taken < upTo) {
                cumulative += Math.max(values[active - 1 - taken], 0);
                taken++;
            }
            shares[i] = total == 0 ? 0 : (double) cumulative / total;
        }
        return shares;
    }

    public int customers() {
        return customers;
    }

    /** The customers with scores (active in the run's window). */
    public int active() {
        return active;
    }

    public long revenueCents() {
        return revenueCents;
    }

    public long tierACents() {
        return tierACents;
    }

    /** Customers per "scheme\tsegment", customers in no segment of a scheme under {@link DashboardSnapshot#NONE}. */
    public Map<String, Integer> sizes() {
        return sizes;
    }

    /** Their monetary values per "scheme\tsegment", in cents. */
    public long sizeCents(String key) {
        return sizeCents.getOrDefault(key, 0L);
    }

    /** The scored customers with these R and F scores (1 to 5). */
    public int cellCustomers(int r, int f) {
        return cellCustomers[r][f];
    }

    public long cellCents(int r, int f) {
        return cellCents[r][f];
    }

    /** The RFM segment of the cell (every customer of a cell has the same one). */
    public @Nullable String cellSegment(int r, int f) {
        return cellSegment[r][f];
    }

    static String orNone(@Nullable String segment) {
        return segment == null ? DashboardSnapshot.NONE : segment;
    }
}
