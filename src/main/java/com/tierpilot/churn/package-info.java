/**
 * Churn follow-up: the account managers' churn list (customers likely lost, with the reasons), the contacts they
 * log and how each case ends, win-back tasks handed to revisit planning, and the weekly churn summary mail. The list
 * reads the published results of segmentation (the current run's tiers, stages and tier changes) and of prediction
 * (P(alive), CLV), tables those modules replace atomically (docs/architecture.md).
 */
@ApplicationModule(displayName = "Churn list", allowedDependencies = {"base", "tenant", "customer", "scheduling",
    "campaign", "segmentation", "prediction", "sales", "revisit"})
@NullMarked
package com.tierpilot.churn;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
