/**
 * Generated customers and orders: the demo tenant ("Demo Store") seeded on the first start of the default profile,
 * and the sample data a company can load into itself to try TierPilot and remove in one click
 * ({@link com.tierpilot.demo.SampleDataService}).
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"base", "tenant", "customer", "segmentation"})
@NullMarked
package com.tierpilot.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
