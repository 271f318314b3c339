/**
 * SQL of segmentation: settings, the streamed aggregation, run bookkeeping, the set-based result tables, rule segments
 * and their members, audiences, and the read models of a run's results.
 */
@NullMarked
package com.tierpilot.segmentation.persistence;

import org.jspecify.annotations.NullMarked;
