/** Set-based and batched SQL for customers and orders. */
@NullMarked
package com.tierpilot.customer.persistence;

import org.jspecify.annotations.NullMarked;
