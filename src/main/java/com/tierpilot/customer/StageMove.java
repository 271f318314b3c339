package com.tierpilot.customer;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * How many customers moved from one sales stage to another in a month (issue 20, the pipeline's conversion chart),
 * from the sales-state history.
 *
 * @param from the stage left; null for a customer who had none
 * @param to the stage entered; null when the stage was cleared
 */
public record StageMove(YearMonth month, @Nullable SalesStage from, @Nullable SalesStage to, int customers) {
}
