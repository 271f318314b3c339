package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import java.time.LocalDate;

/**
 * A recompute of the tenant was published: readers now see run {@code runId}, scored as of {@code asOf}. Published
 * in the recompute's thread, after the switch; what listens runs after the recompute (prediction, for one).
 *
 * @param followUpsChained true when the recompute is the first step of the nightly pipeline, which runs the
 *     follow-up work (prediction, ...) itself as its next steps; listeners that are such steps then stay out
 */
public record SegmentationPublished(TenantId tenant, long runId, LocalDate asOf, boolean followUpsChained) {
}
