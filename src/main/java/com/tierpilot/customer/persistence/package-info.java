/** Set-based and batched SQL for customers and orders, their owners and their sales states. */
@NullMarked
package com.tierpilot.customer.persistence;

import org.jspecify.annotations.NullMarked;
