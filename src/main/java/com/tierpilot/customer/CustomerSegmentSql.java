package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import java.util.Map;

/**
 * The segments in the customer list, contributed by the segmentation module, which owns the tables they come from
 * (docs/architecture.md): the customer module runs the list's SQL but does not name another module's tables.
 *
 * <p>The contract of the fragments: {@link #currentSegmentJoins()} left-joins, to the customer aliased {@code c}, the
 * company's current run as {@code st} and the customer's segments in it as {@code s}, with the columns
 * {@code s.rfm_segment}, {@code s.abc_tier} and {@code s.lifecycle} (null when the customer was not scored).
 */
public interface CustomerSegmentSql {

    /** The left joins of the current run ({@code st}) and the customer's segments in it ({@code s}). */
    String currentSegmentJoins();

    /**
     * A condition, to follow {@code and}, that the customer {@code c} is a member of the rule segment whose key is
     * the one parameter, in the current run {@code st}.
     */
    String inRuleSegment();

    /** How many customers the company's current run scored (0 before the first run). */
    long scoredCustomers(TenantId tenant);

    /**
     * The share of the current run's customers in the smallest of these segments, by scheme (RFM, ABC, LIFECYCLE,
     * RULE) and segment; 0 when there is no current run.
     */
    double smallestShare(TenantId tenant, Map<String, String> segmentsByScheme);
}
