package com.tierpilot.prediction;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the model says about a company's customers (issue 17, item 8): how many fall in each tenth of P(alive)
 * (index 0 for 0-0.1, …, 9 for 0.9-1), how many expect 0, 1, 2, 3, 4 and 5 or more purchases in the next 90 days
 * (rounded), and the customers with the most value at risk, (1 − P(alive)) × CLV.
 */
public record PredictionOutlook(int[] pAliveTenths, int[] expectedPurchases, List<AtRisk> mostAtRisk) {

    /** A customer at risk: code, name, P(alive), 12-month value, value at risk. */
    public record AtRisk(String code, @Nullable String name, BigDecimal pAlive, BigDecimal clv12m,
            BigDecimal valueAtRisk) {
    }
}
