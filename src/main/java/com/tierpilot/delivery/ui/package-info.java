/** The owner's delivery settings screen. */
@NullMarked
package com.tierpilot.delivery.ui;

import org.jspecify.annotations.NullMarked;
