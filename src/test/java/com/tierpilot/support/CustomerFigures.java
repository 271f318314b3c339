package com.tierpilot.support;

import com.tierpilot.base.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Headline figures of a company's customers and orders, read straight from the tables, for tests that check what a
 * write left behind: customers in total, and over the 365 days before {@code today} the customers with a completed
 * order, the completed orders, and the revenue net of refunds.
 */
public record CustomerFigures(long customers, long activeCustomers, long orders, BigDecimal revenue) {

    public static CustomerFigures of(JdbcClient jdbc, TenantId tenant, LocalDate today) {
        long customers = jdbc.sql("select count(*) from customer where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
        return jdbc.sql("""
                select count(distinct case when status = 'COMPLETED' then customer_id end) as active_customers,
                       sum(case when status = 'COMPLETED' then 1 else 0 end) as orders,
                       coalesce(sum(case when status = 'CANCELLED' then 0 else amount end), 0) as revenue
                  from customer_order
                 where tenant_id = :tenant and order_date >= :from and order_date < :to""")
                .param("tenant", tenant.value()).param("from", today.minusDays(365)).param("to", today)
                .query((rs, i) -> new CustomerFigures(customers, rs.getLong("active_customers"), rs.getLong("orders"),
                        rs.getBigDecimal("revenue") == null ? BigDecimal.ZERO : rs.getBigDecimal("revenue")))
                .single();
    }
}
