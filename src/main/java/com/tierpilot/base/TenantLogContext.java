package com.tierpilot.base;

import org.slf4j.MDC;

/**
 * The tenant in the logs: the one MDC key that the log pattern prints ({@code [tenant=...]}), set per request by the
 * security filter and per unit of background work (imports, nightly runs, predictions) here.
 */
public final class TenantLogContext {

    /** The MDC key of the tenant id. */
    public static final String KEY = "tenantId";

    private TenantLogContext() {
    }

    /** Puts the tenant into the MDC until the returned handle is closed. */
    public static MDC.MDCCloseable open(TenantId tenant) {
        return MDC.putCloseable(KEY, tenant.toString());
    }

    /** Puts the tenant into the MDC, for work that clears it itself ({@link #clear()}). */
    public static void set(TenantId tenant) {
        MDC.put(KEY, tenant.toString());
    }

    public static void clear() {
        MDC.remove(KEY);
    }
}
