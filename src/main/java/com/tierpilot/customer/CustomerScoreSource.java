package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import java.util.Optional;

/** Where a customer's computed scores come from; implemented by the segmentation module. */
public interface CustomerScoreSource {

    /** The customer's scores in the tenant's current run, or empty before the first run. */
    Optional<CustomerScores> scores(TenantId tenant, long customerId);
}
