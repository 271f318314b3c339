package com.tierpilot.prediction;

import com.tierpilot.base.UserFacingException;
import java.math.BigDecimal;

/**
 * What a tenant sets for its predictions: the monthly discount rate of the 12-month CLV (default 1% a month) and
 * the P(alive) under which a customer goes on the churn list (default 0.3).
 */
public record PredictionSettings(BigDecimal monthlyDiscount, BigDecimal churnThreshold) {

    public static final PredictionSettings DEFAULTS = new PredictionSettings(new BigDecimal("0.0100"),
            new BigDecimal("0.300"));

    /** Throws when a value is out of range: the rate from 0 to 20% a month, the threshold from 0 to 1. */
    public void validate() {
        if (monthlyDiscount.signum() < 0 || monthlyDiscount.compareTo(new BigDecimal("0.2")) > 0) {
            throw new UserFacingException("prediction.error.discount");
        }
        if (churnThreshold.signum() < 0 || churnThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new UserFacingException("prediction.error.threshold");
        }
    }
}
