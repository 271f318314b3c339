/**
 * Follow-up of customers: the account managers' churn list, the contacts they log and how each case ends; revisit
 * plans (cadences per segment, greetings, the ABC presets) and the tasks they make within each manager's daily
 * capacity; the tasks of campaigns' revisit-plan action; the weekly churn summary mail. The churn list reads the
 * published results of segmentation (the current run's tiers, stages and tier changes) and of prediction (P(alive),
 * CLV), tables those modules replace atomically (docs/architecture.md).
 */
@ApplicationModule(displayName = "Follow-up and churn list", allowedDependencies = {"base", "tenant", "customer",
    "scheduling", "campaign", "segmentation", "prediction", "sales"})
@NullMarked
package com.tierpilot.followup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
