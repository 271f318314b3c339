/** The sample-data removal of the dashboard read models. */
@NullMarked
package com.tierpilot.analytics.persistence;

import org.jspecify.annotations.NullMarked;
