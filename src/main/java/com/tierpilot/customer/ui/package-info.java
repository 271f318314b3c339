/** The customer module's screens: the customer list with assignment and column choice, and the customer page. */
@NullMarked
package com.tierpilot.customer.ui;

import org.jspecify.annotations.NullMarked;
