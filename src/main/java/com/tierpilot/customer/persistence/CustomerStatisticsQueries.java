package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.OrderSpan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts over a company's customers and orders. */
@Repository
public class CustomerStatisticsQueries {

    private final JdbcClient jdbc;

    CustomerStatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
