package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;
import java.time.ZoneId;

/** The owner moved the tenant to another time zone; what runs at local times (the nightly recompute) follows it. */
public record TenantTimeZoneChanged(TenantId tenantId, ZoneId timeZone) {
}
