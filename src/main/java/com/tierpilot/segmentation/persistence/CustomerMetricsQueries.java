package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/**
 * Reads every customer of a tenant with its aggregated orders as of a date, streamed: one GROUP BY per customer
 * over the covering index of the orders, merged in Java with the customers in id order. Nothing is loaded whole;
 * on MySQL the two result sets stream on two connections, so this must not run inside a transaction. A run as of
 * today reads the same metrics from the customer module's order summary instead ({@link #readSummarised}): one row
 * per customer rather than all its orders.
 */
@Repository
public class CustomerMetricsQueries {

    /** A customer's metrics from its orders; the first three parameters are the window's first day. */
    private static final String METRICS = """
                   sum(case when order_date >= ? and status = 'COMPLETED' then 1 else 0 end) as window_orders,
                   sum(case when order_date >= ? and status <> 'CANCELLED' then amount else 0 end) as window_amount,
                   max(case when order_date >= ? and status = 'COMPLETED' then order_date end) as last_in_window,
                   min(case when status = 'COMPLETED' then order_date end) as first_order,
                   max(case when status = 'COMPLETED' then order_date end) as last_order,
                   sum(case when status = 'COMPLETED' then 1 else 0 end) as orders
            """;

    private static final String AGGREGATE = "select customer_id,\n" + METRICS + """
              from customer_order
             where tenant_id = ? and order_date < ?
             group by customer_id
             order by customer_id""";

    /**
     * Every customer with its summary row: the lifetime figures, and the window's figures relative to the
     * company's summary window start.
     */
    private static final String SUMMARISED = """
            select c.id, c.code, s.window_orders, s.window_revenue, s.first_order, s.last_order, s.orders
              from customer c
              left join customer_order_summary s on s.tenant_id = c.tenant_id and s.customer_id = c.id
             where c.tenant_id = ?
             order by c.id""";

    /**
     * The metrics, from their orders, of the customers with an order dated on or after the as-of date (today's
     * orders), which the summary counts but a run as of that date must not: found by the index range of the
     * company's order dates, each aggregated over the index range of its own orders.
     */
    private static final String LATER = "select t.customer_id,\n" + METRICS + """
              from (select distinct customer_id from customer_order where tenant_id = ? and order_date >= ?) t
              left join customer_order o on o.tenant_id = ? and o.customer_id = t.customer_id and o.order_date < ?
             group by t.customer_id""";

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
     * The same metrics as {@link #read}, field for field, taken from the order summary: one row per customer, except
     * for the customers with an order dated on or after {@code asOf}, whose metrics come from their orders. Empty
     * when the company's summary window does not start on {@code asOf - windowDays} (the caller slides it first), or
     * when it moved while this read ran.
     */
    public Optional<CustomerMetrics> readSummarised(TenantId tenant, LocalDate asOf, int windowDays) {
        LocalDate start = asOf.minusDays(windowDays);
        if (!start.equals(windowStart(tenant))) {
            return Optional.empty();
        }
        CustomerMetrics metrics = new CustomerMetrics();
        int startDay = (int) start.toEpochDay();
        jdbc.query(dialect.streaming(SUMMARISED, tenant.value()), (RowCallbackHandler) rs -> {
            int last = epochDay(rs.getDate(6));
            BigDecimal revenue = rs.getBigDecimal(4);
            metrics.add(rs.getLong(1), rs.getString(2), rs.getInt(3),
                    revenue == null ? 0 : revenue.movePointRight(2).longValueExact(),
                    last != CustomerMetrics.NONE && last >= startDay ? last : CustomerMetrics.NONE,
                    epochDay(rs.getDate(5)), last, rs.getInt(7));
        });
        // Read after the summary: a summary row that counted an order dated on or after asOf was committed before
        // this query, which therefore finds its customer.
        Date from = Date.valueOf(start);
        Date to = Date.valueOf(asOf);
        jdbc.query(LATER, (RowCallbackHandler) rs -> {
            int i = metrics.indexOf(rs.getLong(1));
            if (i >= 0) {
                metrics.set(i, rs.getInt(2), rs.getBigDecimal(3).movePointRight(2).longValueExact(),
                        epochDay(rs.getDate(4)), epochDay(rs.getDate(5)), epochDay(rs.getDate(6)), rs.getInt(7));
            }
        }, from, from, from, tenant.value(), to, tenant.value(), to);
        return start.equals(windowStart(tenant)) ? Optional.of(metrics) : Optional.empty();
    }

    private LocalDate windowStart(TenantId tenant) {
        return jdbc.queryForList("select window_start from order_summary_window where tenant_id = ?", Date.class,
                tenant.value()).stream().findFirst().map(Date::toLocalDate).orElse(LocalDate.MIN);
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
