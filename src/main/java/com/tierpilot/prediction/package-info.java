/**
 * Churn prediction and customer lifetime value: the BG/NBD model of purchase occasions and P(alive), and the
 * Gamma-Gamma model of spend per occasion, fitted per tenant on each customer's whole history.
 */
@ApplicationModule(displayName = "Churn prediction", allowedDependencies = {"base", "tenant", "customer", "segmentation", "scheduling"})
@NullMarked
package com.tierpilot.prediction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
