package com.tierpilot.base.persistence;

import com.tierpilot.base.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based deletes with which each module removes its own rows when a company removes its sample data
 * ({@link com.tierpilot.base.SampleDataRemoval}).
 */
public final class SampleRows {

    private SampleRows() {
    }

    /**
     * Deletes the tenant's rows of the customers {@code customerIds} (a subquery taking the tenant id, such as the
     * customer module's sample customers) from each table, by its {@code customer_id}.
     */
    public static void deleteOfCustomersIn(JdbcClient jdbc, TenantId tenant, String customerIds, String... tables) {
        for (String table : tables) {
            jdbc.sql("delete from " + table + " where tenant_id = ? and customer_id in " + customerIds)
                    .params(tenant.value(), tenant.value()).update();
        }
    }

    /** Deletes the tenant's rows of the runs numbered from {@code firstRunId} on from each table (by its run id). */
    public static void deleteOfRunsFrom(JdbcClient jdbc, TenantId tenant, long firstRunId, String runColumn,
            String... tables) {
        for (String table : tables) {
            jdbc.sql("delete from " + table + " where tenant_id = ? and " + runColumn + " >= ?")
                    .params(tenant.value(), firstRunId).update();
        }
    }
}
