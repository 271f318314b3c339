/** The customer module's screens: import, and (with the customer screens) list, detail and export. */
@NullMarked
package com.tierpilot.customer.ui;

import org.jspecify.annotations.NullMarked;
