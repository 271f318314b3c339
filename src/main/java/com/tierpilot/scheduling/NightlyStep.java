package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;

/**
 * One step of a tenant's nightly pipeline (SPI). Steps are Spring beans, run in their {@code @Order}, the recompute
 * first; a step that throws stops the pipeline, and the run counts as failed (and is retried). Steps must be
 * idempotent: a run recovered on another node starts again from the first step.
 */
public interface NightlyStep {

    /** A short, stable name, shown in the run history. */
    String name();

    /** Does the step's work for the tenant; returns a short detail for the history, or throws. */
    String run(TenantId tenant, PipelineContext context);

    /** What a step knows of the run it belongs to. */
    record PipelineContext(long segmentationRunId, java.time.LocalDate asOf,
            com.tierpilot.segmentation.RunTrigger trigger, int attempt) {
    }
}
