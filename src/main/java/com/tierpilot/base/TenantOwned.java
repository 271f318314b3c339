package com.tierpilot.base;

/**
 * An aggregate that belongs to one tenant. Repositories may save such an aggregate without a separate
 * {@link TenantId} argument, because it carries its own.
 */
public interface TenantOwned {

    TenantId tenantId();
}
