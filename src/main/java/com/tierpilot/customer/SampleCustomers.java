package com.tierpilot.customer;

/**
 * The company's sample customers (loaded by "Try it with sample data"), as a subquery over this module's published
 * {@code customer} table, with which each module removes its own rows of them
 * ({@link com.tierpilot.base.persistence.SampleRows#deleteOfCustomersIn}).
 */
public final class SampleCustomers {

    /** The ids of the tenant's sample customers, as a subquery taking the tenant id. */
    public static final String IDS = "(select id from customer where tenant_id = ? and sample = true)";

    private SampleCustomers() {
    }
}
