package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.customer.IntakeCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merges one run's staged rows into customers and orders with set-based SQL. The caller runs a merge in one
 * transaction: the import is visible completely, or not at all. Existing rows are updated only where a value
 * differs, so importing the same file again changes nothing. The lines it turns away go to
 * {@code import_stage_rejection}, which the caller reads in the same transaction.
 */
public final class IntakeMerger {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeMerger.class);

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;
    private final com.tierpilot.customer.@org.jspecify.annotations.Nullable SalesStateService sales;
    private final OrderSummaryRepository summaries;
    private final com.tierpilot.customer.@org.jspecify.annotations.Nullable ConsentIntake consent;

    /**
     * With {@code sales}, a customer file's sales columns are merged too (issue 20); with {@code consent}, its
     * marketing consent per channel (issue 19); an order file refreshes the order summary of the customers it
     * touched in the merge's transaction (issue 21).
     */
    IntakeMerger(JdbcTemplate jdbc, DatabaseDialect dialect,
            com.tierpilot.customer.@org.jspecify.annotations.Nullable SalesStateService sales,
            OrderSummaryRepository summaries,
            com.tierpilot.customer.@org.jspecify.annotations.Nullable ConsentIntake consent) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.sales = sales;
        this.summaries = summaries;
        this.consent = consent;
    }

    @TenantAgnostic("a setting of this connection's session, no data")
    private void largeTemporaryTables() {
        if (dialect.isMySql()) {
            // Grouping a large file's rows needs more than the 16 MB default for in-memory temporary tables.
            jdbc.execute("set session tmp_table_size = 268435456, max_heap_table_size = 268435456");
        }
    }

    public IntakeCounts mergeOrders(TenantId tenant, long run, boolean orderLines, boolean cancellationPrefix,
            Instant now) {
        largeTemporaryTables();
        long t = tenant.value();
        Timestamp at = Timestamp.from(now);
        if (orderLines) {
            String refund = cancellationPrefix ? "upper(order_no) like 'C%' or sum(amount) < 0"
                    : "sum(amount) < 0";
            update(tenant, """
                    insert into import_stage_order (tenant_id, run_id, order_no, customer_code, ordered_at, amount,
                                                    quantity, category, channel, status, region, first_line, customers)
                    select tenant_id, run_id, order_no, min(customer_code), min(ordered_at), round(sum(amount), 2),
                           sum(quantity), min(category), min(channel),
                           case when %s then 'REFUNDED' else 'COMPLETED' end, max(region), min(line_no),
                           count(distinct customer_code)
                      from import_stage_line
                     where tenant_id = ? and run_id = ?
                     group by tenant_id, run_id, order_no""".formatted(refund), t, run);
            if (count(tenant, "select count(*) from import_stage_order where tenant_id = ? and run_id = ?"
                    + " and customers > 1", t, run) > 0) {
                rejectConflictingLines(tenant, run);
                update(tenant, "delete from import_stage_order where tenant_id = ? and run_id = ? and customers > 1",
                        t, run);
            }
        } else {
            update(tenant, """
                    insert into import_stage_order (tenant_id, run_id, order_no, customer_code, ordered_at, amount,
                                                    quantity, category, channel, status, region, first_line, customers)
                    select l.tenant_id, l.run_id, l.order_no, l.customer_code, l.ordered_at, round(l.amount, 2),
                           l.quantity, l.category, l.channel, l.status, l.region, l.line_no, 1
                      from import_stage_line l
                      join (select order_no, min(line_no) as first_line from import_stage_line
                             where tenant_id = ? and run_id = ? group by order_no) f
                        on f.first_line = l.line_no
                     where l.tenant_id = ? and l.run_id = ?""", t, run, t, run);
            update(tenant, """
                    insert into import_stage_rejection (tenant_id, run_id, line_no, reason, field, detail)
                    select l.tenant_id, l.run_id, l.line_no, 'DUPLICATE_IN_FILE', 'ORDER_NO', l.order_no
                      from import_stage_line l
                     where l.tenant_id = ? and l.run_id = ?
                       and not exists (select 1 from import_stage_order o
                                        where o.tenant_id = l.tenant_id and o.run_id = l.run_id
                                          and o.order_no = l.order_no and o.first_line = l.line_no)""", t, run);
        }
        int customersCreated = update(tenant, """
                insert into customer (tenant_id, code, region, created_on, marketing_consent, created_at, updated_at)
                select o.tenant_id, o.customer_code, max(o.region), min(cast(o.ordered_at as date)), false, ?, ?
                  from import_stage_order o
                 where o.tenant_id = ? and o.run_id = ?
                   and not exists (select 1 from customer c where c.tenant_id = o.tenant_id and c.code = o.customer_code)
                 group by o.tenant_id, o.customer_code""", at, at, t, run);
        // The summary window's lock before the first order write, as every order writer takes it.
        summaries.lockWindowBeforeOrderWrites(tenant);
        List<Long> losingOrders = summaries.ownersLosingStagedOrders(tenant, run);
        int ordersUpdated = update(tenant, dialect.isMySql() ? """
                update customer_order o
                  join import_stage_order s on s.tenant_id = o.tenant_id and s.order_no = o.order_no
                  join customer c on c.tenant_id = s.tenant_id and c.code = s.customer_code
                   set o.customer_id = c.id, o.ordered_at = s.ordered_at, o.order_date = cast(s.ordered_at as date),
                       o.amount = s.amount, o.quantity = s.quantity, o.category = coalesce(s.category, o.category),
                       o.channel = coalesce(s.channel, o.channel), o.status = s.status
                 where o.tenant_id = ? and s.run_id = ?
                   and (o.customer_id <> c.id or o.ordered_at <> s.ordered_at or o.amount <> s.amount
                        or o.quantity <> s.quantity or o.status <> s.status
                        or not (o.category <=> coalesce(s.category, o.category))
                        or not (o.channel <=> coalesce(s.channel, o.channel)))""" : """
                merge into customer_order o
                using (select s.order_no, c.id as customer_id, s.ordered_at, s.amount, s.quantity, s.category,
                              s.channel, s.status
                         from import_stage_order s
                         join customer c on c.tenant_id = s.tenant_id and c.code = s.customer_code
                        where s.tenant_id = ? and s.run_id = ?) x
                   on o.tenant_id = ? and o.order_no = x.order_no
                 when matched and (o.customer_id <> x.customer_id or o.ordered_at <> x.ordered_at
                        or o.amount <> x.amount or o.quantity <> x.quantity or o.status <> x.status
                        or o.category is distinct from coalesce(x.category, o.category)
                        or o.channel is distinct from coalesce(x.channel, o.channel))
                 then update set customer_id = x.customer_id, ordered_at = x.ordered_at,
                        order_date = cast(x.ordered_at as date), amount = x.amount, quantity = x.quantity,
                        category = coalesce(x.category, o.category), channel = coalesce(x.channel, o.channel),
                        status = x.status""", dialect.isMySql() ? new Object[] {t, run} : new Object[] {t, run, t});
        int ordersCreated = update(tenant, """
                insert into customer_order (tenant_id, order_no, customer_id, ordered_at, order_date, amount, quantity,
                                            category, channel, status, created_at)
                select s.tenant_id, s.order_no, c.id, s.ordered_at, cast(s.ordered_at as date), s.amount, s.quantity,
                       s.category, s.channel, s.status, ?
                  from import_stage_order s
                  join customer c on c.tenant_id = s.tenant_id and c.code = s.customer_code
                 where s.tenant_id = ? and s.run_id = ?
                   and not exists (select 1 from customer_order o
                                    where o.tenant_id = s.tenant_id and o.order_no = s.order_no)""", at, t, run);
        long summarized = System.nanoTime();
        summaries.refreshStaged(tenant, run);
        summaries.refresh(tenant, losingOrders);
        log.debug("Tenant {}: order summary refreshed in {} ms", tenant, (System.nanoTime() - summarized) / 1_000_000);
        return new IntakeCounts(customersCreated, 0, ordersCreated, ordersUpdated);
    }

    public IntakeCounts mergeCustomers(TenantId tenant, long run, Instant now, LocalDate today) {
        largeTemporaryTables();
        long t = tenant.value();
        update(tenant, """
                insert into import_stage_rejection (tenant_id, run_id, line_no, reason, field, detail)
                select s.tenant_id, s.run_id, s.line_no, 'DUPLICATE_IN_FILE', 'CUSTOMER_CODE', s.code
                  from import_stage_customer s
                  join (select code, min(line_no) as first_line from import_stage_customer
                         where tenant_id = ? and run_id = ? group by code having count(*) > 1) f
                    on f.code = s.code
                 where s.tenant_id = ? and s.run_id = ? and s.line_no <> f.first_line""", t, run, t, run);
        for (String table : new String[] {"import_stage_customer", "import_stage_tag", "import_stage_attribute",
            "import_stage_sales"}) {
            update(tenant, "delete from " + table + " where tenant_id = ? and run_id = ? and line_no in"
                    + " (select line_no from import_stage_rejection where tenant_id = ? and run_id = ?"
                    + " and reason = 'DUPLICATE_IN_FILE')", t, run, t, run);
        }
        Timestamp at = Timestamp.from(now);
        int updated = update(tenant, dialect.isMySql() ? """
                update customer c
                  join import_stage_customer s on s.tenant_id = c.tenant_id and s.code = c.code
                   set c.name = coalesce(s.name, c.name), c.phone = coalesce(s.phone, c.phone),
                       c.email = coalesce(s.email, c.email), c.gender = coalesce(s.gender, c.gender),
                       c.birthday = coalesce(s.birthday, c.birthday), c.region = coalesce(s.region, c.region),
                       c.city = coalesce(s.city, c.city), c.industry = coalesce(s.industry, c.industry),
                       c.company_size = coalesce(s.company_size, c.company_size),
                       c.source_channel = coalesce(s.source_channel, c.source_channel),
                       c.account_manager_id = coalesce(s.account_manager_id, c.account_manager_id),
                       c.created_on = coalesce(s.created_on, c.created_on),
                       c.marketing_consent = coalesce(s.marketing_consent, c.marketing_consent),
                       c.updated_at = ?
                 where c.tenant_id = ? and s.run_id = ?
                   and not (c.name <=> coalesce(s.name, c.name) and c.phone <=> coalesce(s.phone, c.phone)
                        and c.email <=> coalesce(s.email, c.email) and c.gender <=> coalesce(s.gender, c.gender)
                        and c.birthday <=> coalesce(s.birthday, c.birthday)
                        and c.region <=> coalesce(s.region, c.region) and c.city <=> coalesce(s.city, c.city)
                        and c.industry <=> coalesce(s.industry, c.industry)
                        and c.company_size <=> coalesce(s.company_size, c.company_size)
                        and c.source_channel <=> coalesce(s.source_channel, c.source_channel)
                        and c.account_manager_id <=> coalesce(s.account_manager_id, c.account_manager_id)
                        and c.created_on <=> coalesce(s.created_on, c.created_on)
                        and c.marketing_consent <=> coalesce(s.marketing_consent, c.marketing_consent))""" : """
                merge into customer c
                using (select * from import_stage_customer where tenant_id = ? and run_id = ?) s
                   on c.tenant_id = s.tenant_id and c.code = s.code
                 when matched and not (c.name is not distinct from coalesce(s.name, c.name)
                        and c.phone is not distinct from coalesce(s.phone, c.phone)
                        and c.email is not distinct from coalesce(s.email, c.email)
                        and c.gender is not distinct from coalesce(s.gender, c.gender)
                        and c.birthday is not distinct from coalesce(s.birthday, c.birthday)
                        and c.region is not distinct from coalesce(s.region, c.region)
                        and c.city is not distinct from coalesce(s.city, c.city)
                        and c.industry is not distinct from coalesce(s.industry, c.industry)
                        and c.company_size is not distinct from coalesce(s.company_size, c.company_size)
                        and c.source_channel is not distinct from coalesce(s.source_channel, c.source_channel)
                        and c.account_manager_id is not distinct from coalesce(s.account_manager_id, c.account_manager_id)
                        and c.created_on is not distinct from coalesce(s.created_on, c.created_on)
                        and c.marketing_consent is not distinct from coalesce(s.marketing_consent, c.marketing_consent))
                 then update set name = coalesce(s.name, c.name), phone = coalesce(s.phone, c.phone),
                        email = coalesce(s.email, c.email), gender = coalesce(s.gender, c.gender),
                        birthday = coalesce(s.birthday, c.birthday), region = coalesce(s.region, c.region),
                        city = coalesce(s.city, c.city), industry = coalesce(s.industry, c.industry),
                        company_size = coalesce(s.company_size, c.company_size),
                        source_channel = coalesce(s.source_channel, c.source_channel),
                        account_manager_id = coalesce(s.account_manager_id, c.account_manager_id),
                        created_on = coalesce(s.created_on, c.created_on),
                        marketing_consent = coalesce(s.marketing_consent, c.marketing_consent),
                        updated_at = ?""", dialect.isMySql() ? new Object[] {at, t, run} : new Object[] {t, run, at});
        int created = update(tenant, """
                insert into customer (tenant_id, code, name, phone, email, gender, birthday, region, city, industry,
                                      company_size, source_channel, account_manager_id, created_on, marketing_consent,
                                      created_at, updated_at)
                select s.tenant_id, s.code, s.name, s.phone, s.email, s.gender, s.birthday, s.region, s.city,
                       s.industry, s.company_size, s.source_channel, s.account_manager_id,
                       coalesce(s.created_on, ?), coalesce(s.marketing_consent, false), ?, ?
                  from import_stage_customer s
                 where s.tenant_id = ? and s.run_id = ?
                   and not exists (select 1 from customer c where c.tenant_id = s.tenant_id and c.code = s.code)""",
                java.sql.Date.valueOf(today), at, at, t, run);
        update(tenant, """
                delete from customer_tag
                 where tenant_id = ?
                   and customer_id in (select c.id from customer c
                                         join import_stage_tag g on g.tenant_id = c.tenant_id and g.customer_code = c.code
                                        where g.tenant_id = ? and g.run_id = ?)""", t, t, run);
        update(tenant, """
                insert into customer_tag (tenant_id, customer_id, tag)
                select distinct g.tenant_id, c.id, g.tag
                  from import_stage_tag g
                  join customer c on c.tenant_id = g.tenant_id and c.code = g.customer_code
                 where g.tenant_id = ? and g.run_id = ?""", t, run);
        update(tenant, """
                delete from customer_attribute
                 where tenant_id = ?
                   and exists (select 1 from import_stage_attribute a
                                 join customer c on c.tenant_id = a.tenant_id and c.code = a.customer_code
                                where a.tenant_id = ? and a.run_id = ? and c.id = customer_attribute.customer_id
                                  and a.name = customer_attribute.name)""", t, t, run);
        update(tenant, """
                insert into customer_attribute (tenant_id, customer_id, name, attr_value)
                select a.tenant_id, c.id, a.name, max(a.attr_value)
                  from import_stage_attribute a
                  join customer c on c.tenant_id = a.tenant_id and c.code = a.customer_code
                 where a.tenant_id = ? and a.run_id = ?
                 group by a.tenant_id, c.id, a.name""", t, run);
        if (sales != null) {
            mergeSales(tenant, run, sales);
        }
        if (consent != null) {
            mergeConsent(tenant, run, now, consent);
        }
        return new IntakeCounts(created, updated, 0, 0);
    }

    /**
     * The staged consent columns, by customer id, handed to the delivery module a chunk of rows at a time (keyset
     * on the line number). A row without a consent time, or with one after the import's, counts from the import.
     */
    private void mergeConsent(TenantId tenant, long run, Instant now, com.tierpilot.customer.ConsentIntake intake) {
        int chunk = 1000;
        int after = 0;
        com.tierpilot.customer.ConsentIntake.Outcome total = com.tierpilot.customer.ConsentIntake.Outcome.NONE;
        while (true) {
            List<Integer> lines = new ArrayList<>();
            List<com.tierpilot.customer.ConsentIntake.Given> given = new ArrayList<>();
            jdbc.query("""
                    select s.line_no, c.id, s.sms_consent, s.email_consent, s.consent_at
                      from import_stage_customer s
                      join customer c on c.tenant_id = s.tenant_id and c.code = s.code
                     where s.tenant_id = ? and s.run_id = ? and s.line_no > ?
                       and (s.sms_consent is not null or s.email_consent is not null)
                     order by s.line_no
                     limit ?""", rs -> {
                lines.add(rs.getInt(1));
                Timestamp at = rs.getTimestamp(5);
                Instant givenAt = at == null || at.toInstant().isAfter(now) ? now : at.toInstant();
                given.add(new com.tierpilot.customer.ConsentIntake.Given(rs.getLong(2),
                        rs.getObject(3, Boolean.class), rs.getObject(4, Boolean.class), givenAt));
            }, tenant.value(), run, after, chunk);
            if (given.isEmpty()) {
                break;
            }
            total = total.plus(intake.record(tenant, given, com.tierpilot.customer.ConsentIntake.Origin.IMPORT));
            after = lines.getLast();
            if (given.size() < chunk) {
                break;
            }
        }
        log.info("Tenant {} import {}: marketing consent given {}, withdrawn {}, 'yes' refused (withdrawn or"
                + " suppressed) {}", tenant, run, total.granted(), total.withdrawn(), total.refused().size());
    }

    /** The staged sales columns, by customer id, merged field by field with their history. */
    private void mergeSales(TenantId tenant, long run, com.tierpilot.customer.SalesStateService sales) {
        java.util.Map<Long, com.tierpilot.customer.SalesState> staged = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select c.id, s.stage, s.lost_reason, s.expected_close_on, s.expected_deal_size, s.need,
                       s.customer_type, s.next_followup_on
                  from import_stage_sales s
                  join customer c on c.tenant_id = s.tenant_id and c.code = s.customer_code
                 where s.tenant_id = ? and s.run_id = ?
                 order by s.line_no""", rs -> {
            staged.put(rs.getLong(1), new com.tierpilot.customer.SalesState(
                    rs.getString(2) == null ? null : com.tierpilot.customer.SalesStage.valueOf(rs.getString(2)),
                    rs.getString(3), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getBigDecimal(5),
                    rs.getString(6) == null ? null : com.tierpilot.customer.SalesNeed.valueOf(rs.getString(6)),
                    rs.getString(7) == null ? null : com.tierpilot.customer.CustomerType.valueOf(rs.getString(7)),
                    rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate()));
        }, tenant.value(), run);
        if (!staged.isEmpty()) {
            sales.mergeImported(tenant, staged);
        }
    }

    /** Every file row of the orders whose lines name more than one customer is rejected. */
    private void rejectConflictingLines(TenantId tenant, long run) {
        List<Object[]> rejections = new ArrayList<>();
        jdbc.query("""
                select l.line_no, l.line_list, l.order_no
                  from import_stage_line l
                  join import_stage_order o
                    on o.tenant_id = l.tenant_id and o.run_id = l.run_id and o.order_no = l.order_no
                 where l.tenant_id = ? and l.run_id = ? and o.customers > 1""", rs -> {
            String list = rs.getString(2);
            List<String> rows = list == null ? List.of(String.valueOf(rs.getInt(1))) : List.of(list.split(","));
            for (String row : rows) {
                rejections.add(new Object[] {tenant.value(), run, Integer.parseInt(row), rs.getString(3)});
            }
        }, tenant.value(), run);
        jdbc.batchUpdate("insert into import_stage_rejection (tenant_id, run_id, line_no, reason, field, detail)"
                + " values (?, ?, ?, 'CONFLICTING_CUSTOMER', 'CUSTOMER_CODE', ?)", rejections);
    }

    private long count(TenantId tenant, String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Runs one statement of the merge, and logs how long it took. */
    private int update(TenantId tenant, String sql, Object... args) {
        long start = System.nanoTime();
        int rows = jdbc.update(sql, args);
        if (log.isDebugEnabled()) {
            String first = sql.strip().lines().findFirst().orElse(sql);
            log.debug("Tenant {}: {} rows in {} ms: {}", tenant, rows, (System.nanoTime() - start) / 1_000_000, first);
        }
        return rows;
    }

    /** Removes the run's staged rows; done after the merge, whether it committed or not. */
    public void clearStaging(TenantId tenant, long run) {
        for (String table : new String[] {"import_stage_customer", "import_stage_tag", "import_stage_attribute",
            "import_stage_line", "import_stage_order", "import_stage_sales", "import_stage_rejection"}) {
            update(tenant, "delete from " + table + " where tenant_id = ? and run_id = ?", tenant.value(), run);
        }
    }
}
