package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;

/**
 * One step of a tenant's nightly pipeline (SPI). Steps are Spring beans, run in their {@code @Order}, the recompute
 * first; a step that throws stops the pipeline, and the run counts as failed (and is retried). Steps must be
 * idempotent: a run recovered on another node starts again from the first step.
 */
public interface NightlyStep {

    /** A short, stable name; the run history shows the text of {@code runs.step.<name>}. */
    String name();

    /** Does the step's work for the tenant; returns what it did, for the history, or throws. */
    Summary run(TenantId tenant, PipelineContext context);

    /**
     * What a step did, as the run history shows it in the viewer's language: a message key of the bundles and its
     * arguments (numbers).
     */
    record Summary(String messageKey, java.util.List<Long> arguments) {

        public static Summary of(String messageKey, long... arguments) {
            return new Summary(messageKey, java.util.Arrays.stream(arguments).boxed().toList());
        }
    }

    /** What a step knows of the run it belongs to. */
    record PipelineContext(long segmentationRunId, java.time.LocalDate asOf,
            com.tierpilot.segmentation.RunTrigger trigger, int attempt) {
    }
}
