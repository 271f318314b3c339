/** Loyalty on screen: the customer page's points section. */
@NullMarked
package com.tierpilot.loyalty.ui;

import org.jspecify.annotations.NullMarked;
