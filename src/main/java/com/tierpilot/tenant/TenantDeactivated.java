package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;

/** The tenant was deactivated: nothing runs for it any more (its nightly recompute is unscheduled). */
public record TenantDeactivated(TenantId tenantId) {
}
