/** The revisit screens: My tasks, the tasks section of the customer page, and the revisit plans with their form. */
@NullMarked
package com.tierpilot.revisit.ui;

import org.jspecify.annotations.NullMarked;
