package com.tierpilot.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard shows of one published segmentation run, read from the read models stored at the end of that
 * run: no figure here is aggregated from orders or from the per-customer results when it is read.
 *
 * @param customers every customer of the tenant in the run
 * @param activeCustomers the customers with an order in the run's window (the scored ones)
 * @param revenue the revenue in the window, net of refunds and cancellations
 * @param tierARevenueShare the share of the revenue that comes from tier A (0 without revenue)
 * @param top20Share the share of the revenue of the top 20% of the active customers
 * @param abc customers and revenue per ABC tier, A first
 * @param rfm customers and revenue per RFM segment, in the order of {@code RfmSegment}
 * @param lifecycle customers per lifecycle stage, in the stages' order
 * @param pareto the cumulative revenue share against the customer share, 101 points from 0 to 1
 * @param heatmap the cells of the R x F grid that hold customers
 * @param migrations customers from a segment of the previous run to a segment of this one, per scheme; empty after
 *     the first run
 * @param trend segment sizes of the last runs, oldest first
 */
public record DashboardSnapshot(long runId, LocalDate asOf, @Nullable Long previousRunId, int customers,
        int activeCustomers, BigDecimal revenue, double tierARevenueShare, double top20Share, List<Segment> abc,
        List<Segment> rfm, List<Segment> lifecycle, List<ParetoPoint> pareto, List<RfCell> heatmap,
        List<Migration> migrations, List<TrendPoint> trend) {

    /** The segment key that stands for "in no segment of the scheme" in a migration. */
    public static final String NONE = "-";

    /** A segment of a scheme ({@code ABC}, {@code RFM} or {@code LIFECYCLE}) with its customers and revenue. */
    public record Segment(String scheme, String key, int customers, BigDecimal revenue) {
    }

    /** The top {@code customerShare} of the active customers bring {@code revenueShare} of the revenue. */
    public record ParetoPoint(double customerShare, double revenueShare) {
    }

    /** A cell of the R x F grid: its customers, their average monetary value and the RFM segment of the cell. */
    public record RfCell(int recencyScore, int frequencyScore, String rfmSegment, int customers,
            BigDecimal averageMonetary) {
    }

    /** Customers who were in {@code from} in the previous run and are in {@code to} now ({@link #NONE} for none). */
    public record Migration(String scheme, String from, String to, int customers) {
    }

    /** The customers of a segment in a past run. */
    public record TrendPoint(long runId, LocalDate asOf, String scheme, String key, int customers) {
    }
}
