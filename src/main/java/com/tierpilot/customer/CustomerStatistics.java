package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Headline figures of a tenant's customers and orders. */
@Service
@Transactional(readOnly = true)
public class CustomerStatistics {

    private final JdbcClient jdbc;

    CustomerStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Customers in total, and over the 365 days before {@code today} (the tenant's local date): customers with a
     * purchase, completed orders, and revenue net of refunds.
     */
    public CustomerOverview overview(TenantId tenant, LocalDate today) {
        long customers = jdbc.sql("select count(*) from customer where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
        return jdbc.sql("""
                select count(distinct case when status = 'COMPLETED' then customer_id end) as active_customers,
                       sum(case when status = 'COMPLETED' then 1 else 0 end) as orders,
                       coalesce(sum(case when status = 'CANCELLED' then 0 else amount end), 0) as revenue
                  from customer_order
                 where tenant_id = :tenant and order_date >= :from and order_date < :to""")
                .param("tenant", tenant.value()).param("from", today.minusDays(365)).param("to", today)
                .query((rs, i) -> new CustomerOverview(customers, rs.getLong("active_customers"), rs.getLong("orders"),
                        rs.getBigDecimal("revenue") == null ? BigDecimal.ZERO : rs.getBigDecimal("revenue")))
                .single();
    }

    /** The company's customers and orders (refunds and cancellations included), and the dates the orders span. */
    public OrderSpan orderSpan(TenantId tenant) {
        long customers = jdbc.sql("select count(*) from customer where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
        return jdbc.sql("select count(*), min(order_date), max(order_date) from customer_order where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> new OrderSpan(customers, rs.getLong(1),
                        rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .single();
    }
}
