/**
 * Loyalty on screen: the rewards counter and catalogue, the points rules and tier settings forms, and the customer
 * page's points section.
 */
@NullMarked
package com.tierpilot.loyalty.ui;

import org.jspecify.annotations.NullMarked;
