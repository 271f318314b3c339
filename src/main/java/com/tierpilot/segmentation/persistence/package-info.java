/** SQL of segmentation: settings, the streamed aggregation, run bookkeeping and the set-based result tables. */
@NullMarked
package com.tierpilot.segmentation.persistence;

import org.jspecify.annotations.NullMarked;
