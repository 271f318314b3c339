/**
 * Revisit planning: revisit plans (cadences per segment, greetings, the ABC presets), the tasks they make within each
 * account manager's daily capacity on working days, the tasks of campaigns' revisit-plan action, and the nightly step
 * that plans them. A plan targets the published results of segmentation (the current run's tiers and rule segment
 * members) and of sales (grades, logged follow-ups), tables those modules own (docs/architecture.md).
 */
@ApplicationModule(displayName = "Revisit plans and tasks", allowedDependencies = {"base", "tenant", "customer",
    "scheduling", "campaign", "segmentation", "sales"})
@NullMarked
package com.tierpilot.revisit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
