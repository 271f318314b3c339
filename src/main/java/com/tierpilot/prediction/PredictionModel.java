package com.tierpilot.prediction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The model behind a tenant's latest predictions. {@code fitted} is false when the tenant had fewer repeat buyers
 * than a fit needs ({@link PredictionService#MIN_REPEAT_BUYERS}) and the population defaults were used; the
 * log-likelihoods are null then. With enough repeat buyers, it is false when the fit was not plausible
 * ({@link #fitRejected()}).
 */
public record PredictionModel(LocalDate asOf, boolean fitted, int customers, int repeatBuyers, double r,
        double alpha, double a, double b, @Nullable Double bgNbdLogLikelihood, double p, double q, double v,
        @Nullable Double gammaGammaLogLikelihood, BigDecimal monthlyDiscount, Instant computedAt, long tookMillis) {

    /** Whether the tenant had enough repeat buyers for a fit but the fit was implausible, so defaults were used. */
    public boolean fitRejected() {
        return !fitted && repeatBuyers >= PredictionService.MIN_REPEAT_BUYERS;
    }
}
