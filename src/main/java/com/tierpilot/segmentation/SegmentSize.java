package com.tierpilot.segmentation;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A segment of a scheme in the current run: its customers, their revenue in the window and its share, and the
 * change in customers since the previous run (null without a previous run).
 *
 * @param scheme {@code RFM}, {@code ABC}, {@code LIFECYCLE} or {@code RULE}
 * @param segment the segment's stable key ({@code champions}, {@code A}, {@code at_risk}, a rule segment's key)
 */
public record SegmentSize(String scheme, String segment, String name, int customers, BigDecimal revenue,
        double revenueShare, @Nullable Integer changeSincePrevious) {
}
