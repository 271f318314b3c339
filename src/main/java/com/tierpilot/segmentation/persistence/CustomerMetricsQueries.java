package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/**
 * Reads every customer of a tenant with its aggregated orders as of a date, streamed: one GROUP BY per customer
 * over the covering index of the orders, merged in Java with the customers in id order. Nothing is loaded whole;
 * on MySQL the two result sets stream on two connections, so this must not run inside a transaction.
 */
@Repository
public class CustomerMetricsQueries {

    private static final String AGGREGATE = """
            select customer_id,
                   sum(case when order_date >= ? and status = 'COMPLETED' then 1 else 0 end) as window_orders,
                   sum(case when order_date >= ? and status <> 'CANCELLED' then amount else 0 end) as window_amount,
                   max(case when order_date >= ? and status = 'COMPLETED' then order_date end) as last_in_window,
                   min(case when status = 'COMPLETED' then order_date end) as first_order,
                   max(case when status = 'COMPLETED' then order_date end) as last_order,
                   sum(case when status = 'COMPLETED' then 1 else 0 end) as orders
              from customer_order
             where tenant_id = ? and order_date < ?
             group by customer_id
             order by customer_id""";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final DatabaseDialect dialect;

    CustomerMetricsQueries(JdbcTemplate jdbc, DataSource dataSource, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The date of the tenant's first order, if it has any. */
    public java.util.Optional<LocalDate> firstOrderDate(TenantId tenant) {
        return java.util.Optional.ofNullable(jdbc.queryForObject(
                "select min(order_date) from customer_order where tenant_id = ?", Date.class, tenant.value()))
                .map(Date::toLocalDate);
    }

    /** The metrics of all the tenant's customers as of {@code asOf}, over a window of {@code windowDays} days. */
    public CustomerMetrics read(TenantId tenant, LocalDate asOf, int windowDays) {
        CustomerMetrics metrics = new CustomerMetrics();
        Date from = Date.valueOf(asOf.minusDays(windowDays));
        Date to = Date.valueOf(asOf);
        jdbc.query(connection -> dialect.stream(connection.prepareStatement(
                "select id, code from customer where tenant_id = ? order by id"), tenant.value()),
                (ResultSetExtractor<Void>) customers -> {
                    boolean more = customers.next();
                    // A second connection of its own: a streaming result set occupies its connection, and any
                    // connection bound to this thread is the one the customers stream on.
                    try (Connection second = dataSource.getConnection();
                            PreparedStatement ps = dialect.stream(second.prepareStatement(AGGREGATE))) {
                        ps.setDate(1, from);
                        ps.setDate(2, from);
                        ps.setDate(3, from);
                        ps.setLong(4, tenant.value());
                        ps.setDate(5, to);
                        try (ResultSet orders = ps.executeQuery()) {
                            more = merge(customers, more, orders, metrics);
                        }
                    }
                    while (more) {
                        addWithoutOrders(customers, metrics);
                        more = customers.next();
                    }
                    return null;
                });
        return metrics;
    }

    /**
     * Walks both id-ordered result sets together; a customer without orders gets empty metrics. Returns whether the
     * customer cursor still stands on a customer not yet added.
     */
    private static boolean merge(ResultSet customers, boolean hasCustomer, ResultSet orders, CustomerMetrics metrics)
            throws SQLException {
        boolean more = hasCustomer;
        while (more && orders.next()) {
            long orderCustomer = orders.getLong(1);
            while (more && customers.getLong(1) < orderCustomer) {
                addWithoutOrders(customers, metrics);
                more = customers.next();
            }
            if (more && customers.getLong(1) == orderCustomer) {
                metrics.add(orderCustomer, customers.getString(2), orders.getInt(2),
                        orders.getBigDecimal(3).movePointRight(2).longValueExact(), epochDay(orders.getDate(4)),
                        epochDay(orders.getDate(5)), epochDay(orders.getDate(6)), orders.getInt(7));
                more = customers.next();
            }
        }
        return more;
    }

    private static void addWithoutOrders(ResultSet customers, CustomerMetrics metrics) throws SQLException {
        metrics.add(customers.getLong(1), customers.getString(2), 0, 0, CustomerMetrics.NONE, CustomerMetrics.NONE,
                CustomerMetrics.NONE, 0);
    }

    private static int epochDay(Date date) {
        return date == null ? CustomerMetrics.NONE : (int) date.toLocalDate().toEpochDay();
    }
}
