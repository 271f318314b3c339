package com.example.sql;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A deliberately broken example for SqlOwnershipTest: a service that runs its SQL itself. */
public class VoucherReportService {

    private final JdbcClient jdbc;

    VoucherReportService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int vouchers(long tenant) {
        return jdbc.sql("select count(*) from voucher where tenant_id = ?").param(tenant).query(Integer.class)
                .single();
    }
}
