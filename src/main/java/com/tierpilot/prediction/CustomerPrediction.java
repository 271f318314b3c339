package com.tierpilot.prediction;

import java.math.BigDecimal;

/**
 * A customer's predictions: the probability that the customer is still a customer (P(alive)), the expected purchase
 * days in the next 90 days, the expected spend per purchase day, and the discounted value of the next 12 months.
 * {@code fitted} is false when the tenant had too few repeat buyers and the population defaults were used.
 */
public record CustomerPrediction(BigDecimal pAlive, BigDecimal expectedPurchases90d, BigDecimal averageSpend,
        BigDecimal clv12m, boolean fitted) {
}
