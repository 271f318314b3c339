/** The prospect screens: the sales state on the customer page and the company's prospect settings. */
@NullMarked
package com.tierpilot.sales.ui;

import org.jspecify.annotations.NullMarked;
