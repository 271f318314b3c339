/**
 * The churn list query, contacts and outcomes, revisit plans and tasks with their capacity, and the sample-data
 * removal of this module's rows.
 */
@NullMarked
package com.tierpilot.followup.persistence;

import org.jspecify.annotations.NullMarked;
