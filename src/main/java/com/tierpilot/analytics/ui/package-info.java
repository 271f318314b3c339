/** The dashboard. */
@NullMarked
package com.tierpilot.analytics.ui;

import org.jspecify.annotations.NullMarked;
