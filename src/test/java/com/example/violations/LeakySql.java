package com.example.violations;

import com.tierpilot.base.TenantId;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Breaks the rules: SQL in a lambda of a method that has no tenant. The second method is fine. */
class LeakySql {

    private final JdbcClient jdbc;

    LeakySql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countCustomers() {
        Supplier<Long> count = () -> jdbc.sql("select count(*) from customer").query(Long.class).single();
        return count.get();
    }

    long countInTenant(TenantId tenant) {
        return jdbc.sql("select count(*) from customer where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }
}
