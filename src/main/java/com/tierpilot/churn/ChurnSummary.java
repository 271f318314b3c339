package com.tierpilot.churn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The owner's churn summary over a period: how many customers are on the list now and their value at risk, and
 * since {@code since} how many were won back and lost, the reasons for the losses, and the outcomes per account
 * manager.
 */
public record ChurnSummary(Instant since, long onTheList, java.math.BigDecimal valueAtRisk, int wonBack, int lost,
        Map<ChurnOutcome.Reason, Integer> lostBy, List<ManagerOutcomes> perManager) {

    /** One manager's outcomes in the period; {@code managerId} null for customers without a manager. */
    public record ManagerOutcomes(@Nullable Long managerId, int wonBack, int lost) {
    }
}
