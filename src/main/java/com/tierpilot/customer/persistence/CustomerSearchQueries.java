package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerRow;
import com.tierpilot.customer.CustomerSegmentSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The customer list in SQL: filters, the whitelisted sort and the page all run in the database. The segment
 * columns and filters are the segmentation module's SQL over its own published tables ({@link CustomerSegmentSql}),
 * read here, never written.
 */
@Repository
public class CustomerSearchQueries {

    /** A search matching at most this many customers is read from its indexes first, as a list of ids. */
    private static final int SEARCH_IDS = 10_000;
    /** A segment with at least this share of the customers is read in the list's order (see selectIds). */
    private static final double LARGE_GROUP = 0.1;
    /** How many times a walked index entry costs less than reading and sorting a member (measured at 1M). */
    private static final double WALK_COST_RATIO = 10;
    /** Customers counted for a tag's decision; beyond it, the current run's count of customers is used. */
    private static final int TAG_SHARE_BASE = 100_000;
    /** Without a segment filter, counting needs no segments. */
    private static final String FROM_CUSTOMERS = " from customer c where c.tenant_id = ?";

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;
    private final CustomerSegmentSql segments;
    private final int searchIds;
    /** The customers with their current segments ({@code s}), for the tenant as the first parameter. */
    private final String from;

    @Autowired
    CustomerSearchQueries(JdbcTemplate jdbc, DatabaseDialect dialect, CustomerSegmentSql segments) {
        this(jdbc, dialect, segments, SEARCH_IDS);
    }

    /** With {@code searchIds}: the most customers a search reads from its indexes before testing each customer. */
    CustomerSearchQueries(JdbcTemplate jdbc, DatabaseDialect dialect, CustomerSegmentSql segments, int searchIds) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.segments = segments;
        this.searchIds = searchIds;
        this.from = " from customer c " + segments.currentSegmentJoins() + " where c.tenant_id = ?";
    }

    /** A page of matching customers; {@code orderBy} is a whitelisted column, never user text. */
    public List<CustomerRow> page(TenantId tenant, CustomerFilter filter, String orderBy, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        // The page's ids first, from the index alone (offsets walk index entries, not rows), then only their rows.
        List<Long> searchIds = searchIds(tenant, filter);
        String ids = selectIds(tenant, filter, searchIds, offset + limit) + where(tenant, filter, searchIds, params)
                + " order by " + orderBy
                + " limit ? offset ?";
        params.add(limit);
        params.add(offset);
        params.add(tenant.value());
        String sql = select() + " from customer c join (" + ids + ") pg on pg.id = c.id "
                + segments.currentSegmentJoins() + " where c.tenant_id = ? order by " + orderBy;
        List<CustomerRow> rows = new ArrayList<>();
        jdbc.query(sql, (RowCallbackHandler) rs -> rows.add(row(rs, List.of())), params.toArray());
        return withTags(tenant, rows);
    }

    /** How many match, counting no further than {@code limit} + 1. */
    public long count(TenantId tenant, CustomerFilter filter, int limit) {
        List<Object> params = new ArrayList<>();
        // No order to keep: the database reads the most selective index (a segment's own, say) and stops early.
        String inner = "select c.id" + (filter.bySegment() ? from : FROM_CUSTOMERS)
                + where(tenant, filter, searchIds(tenant, filter), params) + " limit " + (limit + 1);
        Long count = jdbc.queryForObject("select count(*) from (" + inner + ") matching", Long.class,
                params.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Every matching customer in order, streamed (for exports), with the tags of each thousand rows read on a second
     * connection. Must run outside a transaction: on MySQL the streamed rows occupy their connection.
     */
    public void each(TenantId tenant, CustomerFilter filter, String orderBy, Consumer<CustomerRow> sink) {
        List<Object> params = new ArrayList<>();
        String sql = select() + from + where(tenant, filter, searchIds(tenant, filter), params) + " order by " + orderBy;
        List<CustomerRow> chunk = new ArrayList<>();
        jdbc.query(dialect.streaming(sql, params.toArray()), (RowCallbackHandler) rs -> {
            chunk.add(row(rs, List.of()));
            if (chunk.size() == 1000) {
                withTags(tenant, chunk).forEach(sink);
                chunk.clear();
            }
        });
        withTags(tenant, chunk).forEach(sink);
    }

    /**
     * Gives every customer matching the filter this manager (null: none), in one statement, and records each change
     * of owner in the trail ({@code by} acting on the company's {@code day}); returns how many.
     */
    public int assignMatching(TenantId tenant, CustomerFilter filter, @Nullable Long manager, java.time.Instant now,
            java.time.LocalDate day, @Nullable Long by) {
        List<Object> params = new ArrayList<>();
        String matching = "select c.id" + (filter.bySegment() ? from : FROM_CUSTOMERS)
                + where(tenant, filter, searchIds(tenant, filter), params);
        List<Object> audit = new ArrayList<>(List.of(java.sql.Timestamp.from(now), java.sql.Date.valueOf(day)));
        audit.add(by);
        audit.add(manager == null ? "RELEASE" : "ASSIGN");
        audit.add(manager);
        audit.add(tenant.value());
        audit.addAll(params);
        audit.add(manager == null ? -1L : manager);
        jdbc.update("insert into customer_owner_change (tenant_id, customer_id, changed_at, changed_on, changed_by,"
                + " action, old_manager_id, new_manager_id) select tenant_id, id, ?, ?, ?, ?, account_manager_id, ?"
                + " from customer where tenant_id = ? and id in (select id from (" + matching + ") matching)"
                + " and coalesce(account_manager_id, -1) <> ?", audit.toArray());
        List<Object> all = new ArrayList<>();
        all.add(manager);
        all.add(java.sql.Timestamp.from(now));
        all.add(tenant.value());
        all.addAll(params);
        // The ids go through a derived table: MySQL cannot update a table it selects from directly.
        return jdbc.update("update customer set account_manager_id = ?, updated_at = ?, version = version + 1"
                + " where tenant_id = ? and id in (select id from (" + matching + ") matching)", all.toArray());
    }

    /**
     * Deals the customers of a region out to the managers in turn, in customer code order (only those without a
     * manager when {@code onlyUnassigned}), in one statement; returns how many.
     */
    public int roundRobin(TenantId tenant, String region, List<Long> managers, boolean onlyUnassigned,
            java.time.Instant now, java.time.LocalDate day, @Nullable Long by) {
        StringBuilder pick = new StringBuilder("case mod(x.rn - 1, ").append(managers.size()).append(")");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < managers.size(); i++) {
            pick.append(" when ").append(i).append(" then ?");
            params.add(managers.get(i));
        }
        pick.append(" end");
        String numbered = "select id, row_number() over (order by code, id) as rn from customer"
                + " where tenant_id = ? and region = ?" + (onlyUnassigned ? " and account_manager_id is null" : "");
        // Both statements bind in text order: the numbered customers, then the managers, then the time.
        List<Object> ordered = new ArrayList<>(List.of(tenant.value(), region));
        ordered.addAll(params);
        ordered.add(java.sql.Timestamp.from(now));
        List<Object> audit = new ArrayList<>(List.of(java.sql.Timestamp.from(now), java.sql.Date.valueOf(day)));
        audit.add(by);
        audit.addAll(params);
        audit.addAll(List.of(tenant.value(), region));
        audit.addAll(params);
        jdbc.update("insert into customer_owner_change (tenant_id, customer_id, changed_at, changed_on, changed_by,"
                + " action, old_manager_id, new_manager_id) select c.tenant_id, c.id, ?, ?, ?, 'ASSIGN',"
                + " c.account_manager_id, " + pick + " from customer c join (" + numbered + ") x on x.id = c.id"
                + " where coalesce(c.account_manager_id, -1) <> " + pick, audit.toArray());
        if (dialect.isMySql()) {
            return jdbc.update("update customer c join (" + numbered + ") x on x.id = c.id set c.account_manager_id = "
                    + pick + ", c.updated_at = ?, c.version = c.version + 1", ordered.toArray());
        }
        return jdbc.update("merge into customer c using (" + numbered + ") x on (c.id = x.id) when matched then"
                + " update set account_manager_id = " + pick + ", updated_at = ?, version = c.version + 1",
                ordered.toArray());
    }

    /** How many customers each of these managers has. */
    public Map<Long, Long> loads(TenantId tenant, List<Long> managers) {
        Map<Long, Long> loads = new HashMap<>();
        if (managers.isEmpty()) {
            return loads;
        }
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        params.addAll(managers);
        jdbc.query("select account_manager_id, count(*) from customer where tenant_id = ? and account_manager_id in ("
                + String.join(", ", java.util.Collections.nCopies(managers.size(), "?")) + ")"
                + " group by account_manager_id", (RowCallbackHandler) rs -> loads.put(rs.getLong(1), rs.getLong(2)),
                params.toArray());
        return loads;
    }

    /** The regions the tenant's customers are in, for the filter. */
    public List<String> regions(TenantId tenant, int limit) {
        return jdbc.queryForList("select distinct region from customer where tenant_id = ? and region is not null"
                + " order by region limit ?", String.class, tenant.value(), limit);
    }

    /** The tags in use, for the filter. */
    public List<String> tags(TenantId tenant, int limit) {
        return jdbc.queryForList("select distinct tag from customer_tag where tenant_id = ? order by tag limit ?",
                String.class, tenant.value(), limit);
    }

    /**
     * The matching ids. A segment or tag filter leaves MySQL two ways: read all its members from their index and
     * sort them (right for a small group), or walk the customers in the list's order and test each one (a key
     * lookup in the segment, a probe of the tag's materialised members), which stops after the page: right for a
     * large group, where reading and sorting hundreds of thousands of members would take a second. Its optimizer
     * does not know how large the group is, so the current run's segment sizes and a capped count of the tag decide.
     * A search has already narrowed the customers to a short list of ids: those are read.
     */
    private String selectIds(TenantId tenant, CustomerFilter filter, @Nullable List<Long> searchIds, long reach) {
        String from = filter.bySegment() ? this.from : FROM_CUSTOMERS;
        boolean walk = dialect.isMySql() && searchIds == null && (filter.bySegment() || filter.tag() != null)
                && (!filter.bySegment() || smallestShare(tenant, filter) >= LARGE_GROUP)
                && (filter.tag() == null || walkForTag(tenant, filter.tag(), reach));
        return (walk ? "select straight_join c.id" : "select c.id") + from;
    }

    /**
     * Whether walking the customers in list order is cheaper than reading the tag's members and sorting them, for a
     * page ending {@code reach} customers in. Walking passes (reach × customers / tagged) index entries, each a
     * probe of the tag's materialised members; reading costs a row and a sort place per tagged customer, about
     * {@code WALK_COST_RATIO} times as much. So: walk when tagged² × ratio > reach × customers. The tag is counted
     * no further than that bound.
     */
    private boolean walkForTag(TenantId tenant, String tag, long reach) {
        Long counted = jdbc.queryForObject("select count(*) from (select 1 from customer where tenant_id = ?"
                + " limit " + TAG_SHARE_BASE + ") c", Long.class, tenant.value());
        long customers = counted == null ? 0 : counted;
        if (customers == TAG_SHARE_BASE) {
            customers = Math.max(customers, segments.scoredCustomers(tenant));
        }
        long bound = (long) Math.ceil(Math.sqrt((double) reach * customers / WALK_COST_RATIO));
        Long tagged = jdbc.queryForObject("select count(*) from (select 1 from customer_tag where tenant_id = ?"
                + " and tag = ? limit " + (bound + 1) + ") t", Long.class, tenant.value(), tag);
        return tagged != null && tagged > bound;
    }

    /** The share of the run's customers in the smallest of the filter's segments. */
    private double smallestShare(TenantId tenant, CustomerFilter f) {
        Map<String, String> wanted = new LinkedHashMap<>();
        String[][] schemes = {{"RFM", f.rfm()}, {"ABC", f.abc()}, {"LIFECYCLE", f.lifecycle()}, {"RULE", f.rule()}};
        for (String[] scheme : schemes) {
            if (scheme[1] != null) {
                wanted.put(scheme[0], scheme[1]);
            }
        }
        return segments.smallestShare(tenant, wanted);
    }

    private static String select() {
        return "select c.id, c.code, c.name, c.phone, c.email, c.region, c.city, c.account_manager_id, c.created_on,"
                + " s.rfm_segment, s.abc_tier, s.lifecycle";
    }

    /**
     * The customers the filter's search text matches, read branch by branch from the search indexes (see
     * V19__customer_search.sql), or null when there is no text or it matches more than {@code searchIds}: then
     * matches are dense, and the list finds a page by testing customers in its own order.
     */
    private @Nullable List<Long> searchIds(TenantId tenant, CustomerFilter f) {
        if (f.text() == null) {
            return null;
        }
        String escaped = escapeLike(f.text());
        List<Object[]> branches = new ArrayList<>(List.of(
                new Object[] {"code like ?", escaped + "%"},
                new Object[] {"phone like ?", escaped + "%"},
                new Object[] {"email like ?", escaped + "%"},
                new Object[] {"name like ?", escaped + "%"},
                new Object[] {"name_from2 like ?", escaped + "%"},
                new Object[] {"name_from3 like ?", escaped + "%"},
                new Object[] {"name_from4 like ?", escaped + "%"},
                new Object[] {"name_long is not null and name_long like ?", "%" + escaped + "%"}));
        if (isPhoneTail(f.text())) {
            branches.add(new Object[] {"phone_tail = ?", f.text()});
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (Object[] branch : branches) {
            ids.addAll(jdbc.queryForList("select id from customer where tenant_id = ? and " + branch[0] + " limit "
                    + (searchIds + 1), Long.class, tenant.value(), branch[1]));
            if (ids.size() > searchIds) {
                return null;
            }
        }
        return List.copyOf(ids);
    }

    /** Four digits: the end of a phone number, as staff ask for it ("尾号"). */
    private static boolean isPhoneTail(String text) {
        return text.length() == 4 && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The filter as SQL conditions. The search text matches a code, phone or e-mail from its start, a phone on its
     * last four digits, and a name anywhere: as the ids {@code searchIds} read, or (when those were too many) as
     * the same test on each customer.
     */
    private String where(TenantId tenant, CustomerFilter f, @Nullable List<Long> searchIds,
            List<Object> params) {
        params.add(tenant.value());
        StringBuilder sql = new StringBuilder();
        if (searchIds != null) {
            if (searchIds.isEmpty()) {
                sql.append(" and 1 = 0");
            } else {
                sql.append(" and c.id in (").append(String.join(", ", Collections.nCopies(searchIds.size(), "?")))
                        .append(")");
                params.addAll(searchIds);
            }
        } else if (f.text() != null) {
            String escaped = escapeLike(f.text());
            sql.append(" and (c.code like ? or c.phone like ? or c.email like ? or c.name like ?");
            params.addAll(List.of(escaped + "%", escaped + "%", escaped + "%", "%" + escaped + "%"));
            if (isPhoneTail(f.text())) {
                sql.append(" or c.phone_tail = ?");
                params.add(f.text());
            }
            sql.append(")");
        }
        if (f.ownOrPoolOf() != null) {
            sql.append(" and (c.account_manager_id = ? or c.account_manager_id is null)");
            params.add(f.ownOrPoolOf());
        }
        if (f.code() != null) {
            sql.append(" and c.code = ?");
            params.add(f.code());
        }
        if (f.region() != null) {
            sql.append(" and c.region = ?");
            params.add(f.region());
        }
        if (f.tag() != null) {
            // A semi-join the database can drive from the tag index, rather than a test per customer.
            sql.append(" and c.id in (select t.customer_id from customer_tag t where t.tenant_id = ? and t.tag = ?)");
            params.add(tenant.value());
            params.add(f.tag());
        }
        if (f.manager() != null) {
            if (f.manager() == CustomerFilter.UNASSIGNED) {
                sql.append(" and c.account_manager_id is null");
            } else {
                sql.append(" and c.account_manager_id = ?");
                params.add(f.manager());
            }
        }
        segment(sql, params, "s.rfm_segment", f.rfm());
        segment(sql, params, "s.abc_tier", f.abc());
        segment(sql, params, "s.lifecycle", f.lifecycle());
        if (f.rule() != null) {
            sql.append(" and ").append(segments.inRuleSegment());
            params.add(f.rule());
        }
        return sql.toString();
    }

    private static void segment(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private List<CustomerRow> withTags(TenantId tenant, List<CustomerRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        String in = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        rows.forEach(r -> params.add(r.id()));
        jdbc.query("select customer_id, tag from customer_tag where tenant_id = ? and customer_id in (" + in + ")"
                + " order by tag", (RowCallbackHandler) rs -> tags.computeIfAbsent(rs.getLong(1),
                        k -> new ArrayList<>()).add(rs.getString(2)), params.toArray());
        return rows.stream().map(r -> new CustomerRow(r.id(), r.code(), r.name(), r.phone(), r.email(), r.region(),
                r.city(), List.copyOf(tags.getOrDefault(r.id(), List.of())), r.accountManagerId(), r.createdOn(),
                r.rfmSegment(), r.abcTier(), r.lifecycleStage())).toList();
    }

    private static CustomerRow row(ResultSet rs, List<String> tags) throws SQLException {
        return new CustomerRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("phone"),
                rs.getString("email"), rs.getString("region"), rs.getString("city"), tags,
                rs.getObject("account_manager_id", Long.class), rs.getObject("created_on", LocalDate.class),
                rs.getString("rfm_segment"), rs.getString("abc_tier"), rs.getString("lifecycle"));
    }
}
