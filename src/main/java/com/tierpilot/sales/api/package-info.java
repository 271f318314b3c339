/** REST API v1 for a customer's sales state and A-E grade. */
@NullMarked
package com.tierpilot.sales.api;

import org.jspecify.annotations.NullMarked;
