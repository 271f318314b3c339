/** REST API v1 for loyalty points. */
@NullMarked
package com.tierpilot.loyalty.api;

import org.jspecify.annotations.NullMarked;
