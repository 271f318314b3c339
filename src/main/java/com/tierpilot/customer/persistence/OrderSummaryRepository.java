package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The per-customer order summary ({@code customer_order_summary}): one row per customer with at least one order,
 * holding its completed orders' first and last date and count, its net revenue, and the first and last date of an
 * order that is not cancelled, and its figures for the company's summary window (completed orders and net revenue
 * dated on or after {@code order_summary_window.window_start}). Every order write refreshes the rows of the customers
 * it touched, in its own transaction, with one set-based statement that aggregates those customers' orders;
 * {@link #rebuild} does the same for every customer of a company.
 *
 * <p>The window's start is read under a shared lock of the company's {@code order_summary_window} row (on H2, which
 * has no shared row lock, an exclusive one), and {@link #slideWindow} replaces it under an exclusive lock: a refresh
 * therefore never writes figures relative to a start that a concurrent slide has just replaced. On MySQL, order
 * writers take that lock before they write the first order ({@link #lockWindowBeforeOrderWrites}), so that the lock
 * order is always the window row first, then the orders and summary rows, and a slide waiting for an order writer
 * cannot deadlock with it.
 */
@Repository
public class OrderSummaryRepository {

    private static final int IN_CHUNK = 1000;

    /** The start of a company's window before its first slide: the window's figures are the lifetime ones. */
    static final LocalDate NO_WINDOW = LocalDate.of(1000, 1, 1);

    /**
     * A customer's figures, aggregated from its orders {@code o}; the first two parameters are the company's window
     * start.
     */
    private static final String FIGURES = """
            select o.tenant_id, o.customer_id,
                   sum(case when o.status = 'COMPLETED' and o.order_date >= ? then 1 else 0 end) as window_orders,
                   sum(case when o.status <> 'CANCELLED' and o.order_date >= ? then o.amount else 0 end)
                       as window_revenue,
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
            insert into customer_order_summary (tenant_id, customer_id, window_orders, window_revenue, first_order,
                                                last_order, orders, revenue, first_active, last_active)
            %s
            on duplicate key update
                window_orders = values(window_orders),
                window_revenue = values(window_revenue),
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

    /** The customers with an order dated in [?, ?), each with the index range of its orders. */
    private static final String SLID_AGGREGATE = FIGURES + """
              from (select distinct d.customer_id
                      from customer_order d
                     where d.tenant_id = ? and d.order_date >= ? and d.order_date < ?) slid
              join customer_order o on o.tenant_id = ? and o.customer_id = slid.customer_id
             group by o.tenant_id, o.customer_id""";

    private static final String SAME = """
            s.window_orders = a.window_orders and s.window_revenue = a.window_revenue and
            (s.first_order = a.first_order or s.first_order is null and a.first_order is null)
            and (s.last_order = a.last_order or s.last_order is null and a.last_order is null)
            and s.orders = a.orders and s.revenue = a.revenue
            and (s.first_active = a.first_active or s.first_active is null and a.first_active is null)
            and (s.last_active = a.last_active or s.last_active is null and a.last_active is null)""";

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;

    OrderSummaryRepository(JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Takes the shared lock of the company's summary window until the transaction ends (creating the window at
     * {@link #NO_WINDOW} if the company has none yet) and returns its start.
     */
    public LocalDate lockWindow(TenantId tenant) {
        return lockedStart(tenant, dialect.isMySql() ? " lock in share mode" : " for update");
    }

    /**
     * Takes the exclusive lock of the company's summary window until the transaction ends: the sample's removal,
     * which deletes orders, summary rows and perhaps the window itself, takes it first, so that it neither
     * deadlocks with a slide nor upgrades a shared lock.
     */
    public void lockWindowExclusively(TenantId tenant) {
        lockedStart(tenant, " for update");
    }

    /**
     * What an order writer calls before its first order write. On MySQL it takes the window's shared lock there:
     * a slide's aggregate reads the orders with shared locks, so a writer that held uncommitted orders and only then
     * waited for the window would deadlock with it. On H2 it does nothing: reads never wait for a writer there, and
     * its lock is exclusive, so it is taken as late as possible (by the refresh), not for a whole import merge.
     */
    public void lockWindowBeforeOrderWrites(TenantId tenant) {
        if (dialect.isMySql()) {
            lockWindow(tenant);
        }
    }

    private LocalDate lockedStart(TenantId tenant, String lock) {
        if (jdbc.queryForList("select window_start from order_summary_window where tenant_id = ?", Date.class,
                tenant.value()).isEmpty()) {
            // Created before the locking read: on MySQL, two first writers that both held the gap lock of a missing
            // row and then inserted it would deadlock.
            jdbc.update("""
                    insert into order_summary_window (tenant_id, window_start) values (?, ?)
                    on duplicate key update window_start = window_start""", tenant.value(), Date.valueOf(NO_WINDOW));
        }
        return jdbc.queryForObject("select window_start from order_summary_window where tenant_id = ?" + lock,
                Date.class, tenant.value()).toLocalDate();
    }

    /** The start of the company's summary window now, without a lock ({@link #NO_WINDOW} before its first order). */
    public LocalDate windowStart(TenantId tenant) {
        return jdbc.queryForList("select window_start from order_summary_window where tenant_id = ?", Date.class,
                tenant.value()).stream().findFirst().map(Date::toLocalDate).orElse(NO_WINDOW);
    }

    /**
     * Moves the company's summary window to start on {@code newStart}, under an exclusive lock of its window row:
     * refreshes the customers with an order dated between the old and the new start (the only ones whose window
     * figures change) and stores the new start. Returns the old start.
     */
    public LocalDate slideWindow(TenantId tenant, LocalDate newStart) {
        LocalDate old = lockedStart(tenant, " for update");
        if (old.equals(newStart)) {
            return old;
        }
        Date from = Date.valueOf(old.isBefore(newStart) ? old : newStart);
        Date to = Date.valueOf(old.isBefore(newStart) ? newStart : old);
        Date start = Date.valueOf(newStart);
        jdbc.update(UPSERT.formatted(SLID_AGGREGATE), start, start, tenant.value(), from, to, tenant.value());
        jdbc.update("update order_summary_window set window_start = ? where tenant_id = ?", start, tenant.value());
        return old;
    }

    /** Refreshes the summary of these customers from their orders (removing it where they have none left). */
    public void refresh(TenantId tenant, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        Date start = Date.valueOf(lockWindow(tenant));
        List<Long> sorted = new ArrayList<>(new TreeSet<>(customerIds));
        for (int i = 0; i < sorted.size(); i += IN_CHUNK) {
            List<Long> chunk = sorted.subList(i, Math.min(sorted.size(), i + IN_CHUNK));
            String in = "customer_id in (" + "?,".repeat(chunk.size() - 1) + "?)";
            Object[] args = new Object[chunk.size() + 1];
            args[0] = tenant.value();
            for (int j = 0; j < chunk.size(); j++) {
                args[j + 1] = chunk.get(j);
            }
            jdbc.update(UPSERT.formatted(AGGREGATE.formatted("o." + in)), withStart(start, args));
            jdbc.update(DELETE_WITHOUT_ORDERS.formatted(in), args);
        }
    }

    /** The window start twice (the figures' first two parameters), then the arguments. */
    private static Object[] withStart(Date start, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = start;
        all[1] = start;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    /**
     * Refreshes the summary of the customers whose orders an import run staged. The customers that the merge took
     * an order away from are not among them: the merge passes those to {@link #refresh}.
     */
    public void refreshStaged(TenantId tenant, long run) {
        Date start = Date.valueOf(lockWindow(tenant));
        jdbc.update(UPSERT.formatted(STAGED_AGGREGATE), withStart(start, tenant.value(), run, tenant.value()));
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
        Date start = Date.valueOf(lockWindow(tenant));
        jdbc.update(UPSERT.formatted(AGGREGATE.formatted("1 = 1")), withStart(start, tenant.value()));
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
        Date start = Date.valueOf(windowStart(tenant));
        String aggregate = AGGREGATE.formatted("1 = 1");
        Long wrong = jdbc.queryForObject("""
                select count(*)
                  from customer_order_summary s
                  left join (%s) a on a.customer_id = s.customer_id
                 where s.tenant_id = ? and (a.customer_id is null or not (%s))""".formatted(aggregate, SAME),
                Long.class, withStart(start, tenant.value(), tenant.value()));
        Long missing = jdbc.queryForObject("""
                select count(*)
                  from (%s) a
                 where not exists (select 1 from customer_order_summary s
                                    where s.tenant_id = a.tenant_id and s.customer_id = a.customer_id)"""
                .formatted(aggregate), Long.class, withStart(start, tenant.value()));
        return (wrong == null ? 0 : wrong) + (missing == null ? 0 : missing);
    }
}
