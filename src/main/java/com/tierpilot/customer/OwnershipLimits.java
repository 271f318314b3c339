package com.tierpilot.customer;

import com.tierpilot.base.TenantId;

/**
 * The company's limits on ownership (SPI, given by the module that keeps the sales settings): customers per account
 * manager, and claims from the pool per manager and day. Without it, the seed's figures.
 */
public interface OwnershipLimits {

    /** The seed's rule: an account manager looks after 500 to 800 customers. */
    int DEFAULT_MANAGER_LIMIT = 800;
    int DEFAULT_DAILY_CLAIMS = 20;

    int managerLimit(TenantId tenant);

    int dailyClaims(TenantId tenant);
}
