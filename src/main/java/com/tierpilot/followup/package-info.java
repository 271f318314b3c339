/**
 * Follow-up of customers: the account managers' churn list, the contacts they log and how each case ends.
 * The churn list is a read over the published results of segmentation (the current run's tiers, stages and tier
 * changes) and of prediction (P(alive), CLV): tables those modules replace atomically, read here without calling
 * into them.
 */
@ApplicationModule(displayName = "Follow-up and churn list", allowedDependencies = {"base", "tenant", "customer",
    "scheduling", "campaign", "segmentation", "prediction"})
@NullMarked
package com.tierpilot.followup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
