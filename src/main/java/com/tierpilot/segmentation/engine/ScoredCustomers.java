package com.tierpilot.segmentation.engine;

import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import org.jspecify.annotations.Nullable;

/**
 * The engine's result, aligned with the {@link CustomerMetrics} it was computed from: index i is the same customer.
 * Customers without an order in the window have no RFM scores (0), no RFM segment and no ABC tier.
 */
public final class ScoredCustomers {

    private final CustomerMetrics metrics;
    private final int asOf;
    private final byte[] r;
    private final byte[] f;
    private final byte[] m;
    private final @Nullable RfmSegment[] segments;
    private final @Nullable AbcTier[] tiers;
    private final LifecycleStage[] stages;

    ScoredCustomers(CustomerMetrics metrics, int asOf, byte[] r, byte[] f, byte[] m, @Nullable RfmSegment[] segments,
            @Nullable AbcTier[] tiers, LifecycleStage[] stages) {
        this.metrics = metrics;
        this.asOf = asOf;
        this.r = r;
        this.f = f;
        this.m = m;
        this.segments = segments;
        this.tiers = tiers;
        this.stages = stages;
    }

    /** The same scores with other ABC tiers (the frozen cut points of an intraday run). */
    ScoredCustomers withTiers(@Nullable AbcTier[] otherTiers) {
        return new ScoredCustomers(metrics, asOf, r, f, m, segments, otherTiers, stages);
    }

    public CustomerMetrics metrics() {
        return metrics;
    }

    public int size() {
        return metrics.size();
    }

    /** Days from the last order in the window to the run's date (at least 1), or null without one. */
    public @Nullable Integer recencyDays(int i) {
        int last = metrics.lastOrderInWindow(i);
        return last == CustomerMetrics.NONE ? null : asOf - last;
    }

    public int r(int i) {
        return r[i];
    }

    public int f(int i) {
        return f[i];
    }

    public int m(int i) {
        return m[i];
    }

    public @Nullable RfmSegment segment(int i) {
        return segments[i];
    }

    public @Nullable AbcTier tier(int i) {
        return tiers[i];
    }

    public LifecycleStage stage(int i) {
        return stages[i];
    }

    public int scoredCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (metrics.scored(i)) {
                n++;
            }
        }
        return n;
    }
}
