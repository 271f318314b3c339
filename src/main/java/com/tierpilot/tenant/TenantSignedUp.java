package com.tierpilot.tenant;

import com.tierpilot.base.TenantId;
import java.time.ZoneId;

/** Published when a new tenant exists, so that other modules can set it up (e.g. its nightly schedule). */
public record TenantSignedUp(TenantId tenantId, ZoneId timeZone) {
}
