/** The segmentation part of REST API v1: start and watch recompute runs, list the segments. */
@NullMarked
package com.tierpilot.segmentation.api;

import org.jspecify.annotations.NullMarked;
