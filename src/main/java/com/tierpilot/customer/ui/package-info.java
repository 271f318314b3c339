/**
 * The customer module's screens: the customer list with assignment and column choice, the customer page, and the
 * import wizard with its mapping form.
 */
@NullMarked
package com.tierpilot.customer.ui;

import org.jspecify.annotations.NullMarked;
