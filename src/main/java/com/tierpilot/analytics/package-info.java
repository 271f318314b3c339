/** Dashboard read models and charts of the customer base. */
@ApplicationModule(displayName = "Analytics", allowedDependencies = {"base", "customer", "segmentation"})
@NullMarked
package com.tierpilot.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
