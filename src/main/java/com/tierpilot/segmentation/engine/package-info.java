/**
 * The scoring engine: plain Java, no Spring, deterministic. It reads one row of aggregated metrics per customer
 * (kept column by column in primitive arrays, so a million customers fit in a few dozen megabytes) and computes
 * the RFM scores and segments, the ABC tiers and the lifecycle stages.
 */
@NullMarked
package com.tierpilot.segmentation.engine;

import org.jspecify.annotations.NullMarked;
