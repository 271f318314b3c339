package com.tierpilot.base;

import java.io.Serializable;

/**
 * Identifies a tenant. It comes only from the authenticated principal (UI), the API token (REST) or a Quartz
 * JobDataMap; never from a URL or a form field. Every tenant-owned repository and query method takes one.
 */
public record TenantId(long value) implements Serializable {

    public TenantId {
        if (value <= 0) {
            throw new IllegalArgumentException("tenant id must be positive: " + value);
        }
    }

    public static TenantId of(long value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
