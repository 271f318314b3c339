/** The delivery settings and provider accounts tables. */
@NullMarked
package com.tierpilot.delivery.persistence;

import org.jspecify.annotations.NullMarked;
