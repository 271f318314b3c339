/** The tenant module's aggregates and their repositories. */
@NullMarked
package com.tierpilot.tenant.domain;

import org.jspecify.annotations.NullMarked;
