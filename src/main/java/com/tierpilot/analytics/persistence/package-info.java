/**
 * The analytics module's SQL: the dashboard's read models (computed from a run in one streamed pass, and read), the
 * getting-started marks, and the sample-data removal of the read models.
 */
@NullMarked
package com.tierpilot.analytics.persistence;

import org.jspecify.annotations.NullMarked;
