package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;
import java.time.ZoneId;

/** A tenant as other modules see it. */
public record TenantProfile(TenantId tenantId, String name, ZoneId timeZone, String currency, boolean active) {
}
