package com.tierpilot.customer;

import com.tierpilot.base.TenantId;

/** Where a customer's predicted figures come from; implemented by the prediction module. */
public interface CustomerPredictionSource {

    /** Adds the customer's latest predictions to the scores, or returns them unchanged when there are none. */
    CustomerScores addPrediction(TenantId tenant, long customerId, CustomerScores scores);
}
