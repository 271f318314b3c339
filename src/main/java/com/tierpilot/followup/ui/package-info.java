/** The churn list screen. */
@NullMarked
package com.tierpilot.followup.ui;

import org.jspecify.annotations.NullMarked;
