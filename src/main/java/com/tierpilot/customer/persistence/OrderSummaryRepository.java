package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The per-customer order summary ({@code customer_order_summary}): one row per customer with at least one order,
 * holding its completed orders' first and last date and count, its net revenue, and the first and last date of an
 * order that is not cancelled. Every order write refreshes the rows of the customers it touched, in its own
 * transaction, with one set-based statement that aggregates those customers' orders; {@link #rebuild} does the same
 * for every customer of a company.
 */
@Repository
public class OrderSummaryRepository {

    private static final int IN_CHUNK = 1000;

    /** A customer's figures, aggregated from its orders {@code o}. */
    private static final String FIGURES = """
            select o.tenant_id, o.customer_id,
                   min(case when o.status = 'COMPLETED' then o.order_date end) as first_order,
                   max(case when o.status = 'COMPLETED' then o.order_date end) as last_order,
                   sum(case when o.status = 'COMPLETED' then 1 else 0 end) as orders,
                   sum(case when o.status <> 'CANCELLED' then o.amount else 0 end) as revenue,
                   min(case when o.status <> 'CANCELLED' then o.order_date end) as first_active,
                   max(case when o.status <> 'CANCELLED' then o.order_date end) as last_active
            """;

    /** The summary of the customers the condition ({@code %s}, on {@code customer_order o}) selects. */
    private static final String AGGREGATE = FIGURES + """
              from customer_order o
             where o.tenant_id = ? and %s
             group by o.tenant_id, o.customer_id""";

    private static final String UPSERT = """
            insert into customer_order_summary (tenant_id, customer_id, first_order, last_order, orders, revenue,
                                                first_active, last_active)
            %s
            on duplicate key update
                first_order = values(first_order),
                last_order = values(last_order),
                orders = values(orders),
                revenue = values(revenue),
                first_active = values(first_active),
                last_active = values(last_active)""";

    /** Removes the rows of the customers the condition ({@code %s}) selects that have no order left. */
    private static final String DELETE_WITHOUT_ORDERS = """
            delete from customer_order_summary
             where tenant_id = ? and %s
               and not exists (select 1 from customer_order o
                                where o.tenant_id = customer_order_summary.tenant_id
                                  and o.customer_id = customer_order_summary.customer_id)""";

    /**
     * The summary of an import run's staged customers (by code, as the merge matched them): driven by the distinct
     * customers, each with an index range of its orders; an IN subquery instead made H2 test every order of the
     * company against the staged set, minutes for the Online Retail file.
     */
    private static final String STAGED_AGGREGATE = FIGURES + """
              from (select distinct c.id
                      from import_stage_order s
                      join customer c on c.tenant_id = s.tenant_id and c.code = s.customer_code
                     where s.tenant_id = ? and s.run_id = ?) staged
              join customer_order o on o.tenant_id = ? and o.customer_id = staged.id
             group by o.tenant_id, o.customer_id""";

    private static final String SAME = """
            (s.first_order = a.first_order or s.first_order is null and a.first_order is null)
            and (s.last_order = a.last_order or s.last_order is null and a.last_order is null)
            and s.orders = a.orders and s.revenue = a.revenue
            and (s.first_active = a.first_active or s.first_active is null and a.first_active is null)
            and (s.last_active = a.last_active or s.last_active is null and a.last_active is null)""";

    private final JdbcTemplate jdbc;

    OrderSummaryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes the summary of these customers from their orders (removing it where they have none left). */
    public void refresh(TenantId tenant, Collection<Long> customerIds) {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(customerIds));
        for (int i = 0; i < sorted.size(); i += IN_CHUNK) {
            List<Long> chunk = sorted.subList(i, Math.min(sorted.size(), i + IN_CHUNK));
            String in = "customer_id in (" + "?,".repeat(chunk.size() - 1) + "?)";
            Object[] args = new Object[chunk.size() + 1];
            args[0] = tenant.value();
            for (int j = 0; j < chunk.size(); j++) {
                args[j + 1] = chunk.get(j);
            }
            jdbc.update(UPSERT.formatted(AGGREGATE.formatted("o." + in)), args);
            jdbc.update(DELETE_WITHOUT_ORDERS.formatted(in), args);
        }
    }

    /**
     * Refreshes the summary of the customers whose orders an import run staged. The customers that the merge took
     * an order away from are not among them: the merge passes those to {@link #refresh}.
     */
    public void refreshStaged(TenantId tenant, long run) {
        jdbc.update(UPSERT.formatted(STAGED_AGGREGATE), tenant.value(), run, tenant.value());
    }

    /** The customers that currently own one of the run's staged orders but lose it to another customer. */
    public List<Long> ownersLosingStagedOrders(TenantId tenant, long run) {
        return jdbc.queryForList("""
                select distinct o.customer_id
                  from customer_order o
                  join import_stage_order s on s.tenant_id = o.tenant_id and s.order_no = o.order_no
                  join customer c on c.tenant_id = s.tenant_id and c.code = s.customer_code
                 where o.tenant_id = ? and s.run_id = ? and o.customer_id <> c.id""", Long.class, tenant.value(), run);
    }

    /** Rebuilds the company's whole summary from its orders; returns the number of customers with orders. */
    public int rebuild(TenantId tenant) {
        jdbc.update(UPSERT.formatted(AGGREGATE.formatted("1 = 1")), tenant.value());
        jdbc.update(DELETE_WITHOUT_ORDERS.formatted("1 = 1"), tenant.value());
        Integer rows = jdbc.queryForObject("select count(*) from customer_order_summary where tenant_id = ?",
                Integer.class, tenant.value());
        return rows == null ? 0 : rows;
    }

    /**
     * How many of the company's customers have a summary that differs from their orders: a row with other figures,
     * a row without orders, or orders without a row.
     */
    public long differences(TenantId tenant) {
        String aggregate = AGGREGATE.formatted("1 = 1");
        Long wrong = jdbc.queryForObject("""
                select count(*)
                  from customer_order_summary s
                  left join (%s) a on a.customer_id = s.customer_id
                 where s.tenant_id = ? and (a.customer_id is null or not (%s))""".formatted(aggregate, SAME),
                Long.class, tenant.value(), tenant.value());
        Long missing = jdbc.queryForObject("""
                select count(*)
                  from (%s) a
                 where not exists (select 1 from customer_order_summary s
                                    where s.tenant_id = a.tenant_id and s.customer_id = a.customer_id)"""
                .formatted(aggregate), Long.class, tenant.value());
        return (wrong == null ? 0 : wrong) + (missing == null ? 0 : missing);
    }
}
