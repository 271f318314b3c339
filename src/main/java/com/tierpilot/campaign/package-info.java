/**
 * Campaigns on segments: a target audience frozen at launch into members, a deterministic holdout (control) group
 * that gets nothing, coupons with unique or shared codes, redemption exactly once (decided by the database), and the
 * results of target against control with the lift and its confidence interval.
 */
@ApplicationModule(displayName = "Campaigns", allowedDependencies = {"base", "tenant", "customer", "segmentation",
    "scheduling", "prediction", "delivery"})
@NullMarked
package com.tierpilot.campaign;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
