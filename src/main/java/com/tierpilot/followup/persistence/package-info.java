/** The churn list query, contacts and outcomes. */
@NullMarked
package com.tierpilot.followup.persistence;

import org.jspecify.annotations.NullMarked;
