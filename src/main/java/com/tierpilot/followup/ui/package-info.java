/**
 * The follow-up screens: the churn list with its contact, outcome, follow-up and win-back dialogs, My tasks and the
 * tasks section of the customer page, and the revisit plans with their form.
 */
@NullMarked
package com.tierpilot.followup.ui;

import org.jspecify.annotations.NullMarked;
