package com.example.violations;

import com.tierpilot.base.TenantId;
import org.springframework.data.annotation.Id;

/** An aggregate for the broken repository below. */
record Thing(@Id Long id, TenantId tenantId, String name) {
}
