/**
 * Segmentation: each tenant's RFM, ABC (Pareto) and lifecycle settings and rule segments, the scoring engine, and
 * recompute runs that switch atomically from one complete result to the next. The exact definitions are those of
 * DESIGN.md, "Segmentation: exact definitions".
 */
@ApplicationModule(displayName = "Segmentation", allowedDependencies = {"base", "tenant", "customer"})
@NullMarked
package com.tierpilot.segmentation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
