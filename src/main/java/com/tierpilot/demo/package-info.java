/**
 * The demo tenant ("Demo Store") seeded on the first start of the default profile: realistic customers and orders
 * for trying TierPilot without any data of one's own.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"base", "tenant", "customer", "segmentation"})
@NullMarked
package com.tierpilot.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
