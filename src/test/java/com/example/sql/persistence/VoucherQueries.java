package com.example.sql.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The right place for the same SQL, which SqlOwnershipTest must not report. */
public class VoucherQueries {

    private final JdbcClient jdbc;

    VoucherQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int vouchers(long tenant) {
        return jdbc.sql("select count(*) from voucher where tenant_id = ?").param(tenant).query(Integer.class)
                .single();
    }
}
