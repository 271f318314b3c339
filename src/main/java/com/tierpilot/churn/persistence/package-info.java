/** The churn list query, contacts and outcomes, the weekly mail's record, and the sample-data removal of these rows. */
@NullMarked
package com.tierpilot.churn.persistence;

import org.jspecify.annotations.NullMarked;
