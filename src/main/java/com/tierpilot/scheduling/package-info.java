/**
 * Scheduling: the nightly pipeline of every tenant on a clustered Quartz scheduler. One job per tenant, with a cron
 * trigger at the tenant's local time (02:00 by default); the job is a thin adapter that hands the tenant to
 * {@link com.tierpilot.scheduling.NightlyPipelineService}, whose ordered {@link com.tierpilot.scheduling.NightlyStep}s do
 * the work (the recompute first). Also here: retries with backoff, alerts to the owner, the run history screen,
 * the scheduler's health and the last-success metric. How the cluster behaves: deploy/README.md.
 */
@ApplicationModule(displayName = "Scheduling", allowedDependencies = {"base", "tenant", "segmentation"})
@NullMarked
package com.tierpilot.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
