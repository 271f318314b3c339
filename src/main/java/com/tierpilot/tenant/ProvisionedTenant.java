package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;

/** A tenant just created, with its owner. */
public record ProvisionedTenant(TenantId tenantId, UserId owner) {
}
