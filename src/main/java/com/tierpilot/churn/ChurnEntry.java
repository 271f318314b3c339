package com.tierpilot.churn;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A customer on the churn list, with what put the customer there: a drop in ABC tier since the run before
 * ({@code fromTier} → {@code toTier}, the latter null when the customer has no tier any more), an "at risk" or
 * "churned" lifecycle stage, or a P(alive) under the company's threshold. {@code valueAtRisk} ranks the list:
 * (1 − P(alive)) × CLV where there is a prediction, what the customer has spent in all otherwise.
 */
public record ChurnEntry(long customerId, String code, @Nullable String name, @Nullable Long accountManagerId,
        String lifecycleStage, @Nullable String fromTier, @Nullable String toTier, @Nullable BigDecimal pAlive,
        @Nullable BigDecimal clv12m, BigDecimal valueAtRisk, @Nullable LocalDate lastOrder,
        @Nullable Integer daysWithoutOrder, boolean tierDropped, boolean stageAtRisk, boolean lowPAlive,
        @Nullable String grade) {
}
