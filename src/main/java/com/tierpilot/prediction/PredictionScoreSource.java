package com.tierpilot.prediction;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerPredictionSource;
import com.tierpilot.customer.CustomerScores;
import org.springframework.stereotype.Component;

/** Gives the customer module (its REST API) a customer's latest predictions. */
@Component
class PredictionScoreSource implements CustomerPredictionSource {

    private final PredictionService predictions;

    PredictionScoreSource(PredictionService predictions) {
        this.predictions = predictions;
    }

    @Override
    public CustomerScores addPrediction(TenantId tenant, long customerId, CustomerScores scores) {
        return predictions.forCustomer(tenant, customerId)
                .map(p -> scores.withPrediction(p.pAlive(), p.expectedPurchases90d(), p.clv12m())).orElse(scores);
    }
}
