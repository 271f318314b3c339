/** The churn list screen with its contact, outcome, follow-up and win-back dialogs. */
@NullMarked
package com.tierpilot.churn.ui;

import org.jspecify.annotations.NullMarked;
