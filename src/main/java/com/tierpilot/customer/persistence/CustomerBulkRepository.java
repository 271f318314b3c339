package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Batched upserts of customers and orders. Customers are matched by code, orders by order number, both within the
 * tenant and case-insensitively (as the database's collation compares them). A null field in an upsert keeps the
 * stored value, so a partial record never wipes data.
 */
@Repository
public class CustomerBulkRepository {

    private static final int IN_CHUNK = 1000;

    private static final String UPSERT_CUSTOMER = """
            insert into customer (tenant_id, code, name, phone, email, gender, birthday, region, city, industry,
                                  company_size, source_channel, account_manager_id, created_on, marketing_consent,
                                  created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, false), ?, ?)
            on duplicate key update
                name = coalesce(values(name), name),
                phone = coalesce(values(phone), phone),
                email = coalesce(values(email), email),
                gender = coalesce(values(gender), gender),
                birthday = coalesce(values(birthday), birthday),
                region = coalesce(values(region), region),
                city = coalesce(values(city), city),
                industry = coalesce(values(industry), industry),
                company_size = coalesce(values(company_size), company_size),
                source_channel = coalesce(values(source_channel), source_channel),
                account_manager_id = coalesce(values(account_manager_id), account_manager_id),
                marketing_consent = coalesce(?, marketing_consent),
                updated_at = values(updated_at)""";

    private static final String UPSERT_ORDER = """
            insert into customer_order (tenant_id, order_no, customer_id, ordered_at, order_date, amount, quantity,
                                        category, channel, status, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on duplicate key update
                customer_id = values(customer_id),
                ordered_at = values(ordered_at),
                order_date = values(order_date),
                amount = values(amount),
                quantity = values(quantity),
                category = coalesce(values(category), category),
                channel = coalesce(values(channel), channel),
                status = values(status)""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final OrderSummaryRepository summaries;

    CustomerBulkRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, OrderSummaryRepository summaries) {
        this.jdbc = jdbc;
        this.named = named;
        this.summaries = summaries;
    }

    /** Upserts the customers; returns how many of them were new. */
    public int upsertCustomers(TenantId tenant, List<CustomerRecord> rows, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        Set<String> existing = existingCodes(tenant, rows.stream().map(CustomerRecord::code).toList());
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate(UPSERT_CUSTOMER, rows, rows.size(), (ps, c) -> {
            int i = 1;
            ps.setLong(i++, tenant.value());
            ps.setString(i++, c.code());
            setString(ps, i++, c.name());
            setString(ps, i++, c.phone());
            setString(ps, i++, c.email());
            setString(ps, i++, c.gender() == null ? null : c.gender().code());
            ps.setObject(i++, c.birthday() == null ? null : Date.valueOf(c.birthday()), Types.DATE);
            setString(ps, i++, c.region());
            setString(ps, i++, c.city());
            setString(ps, i++, c.industry());
            setString(ps, i++, c.companySize());
            setString(ps, i++, c.sourceChannel());
            ps.setObject(i++, c.accountManager() == null ? null : c.accountManager().value(), Types.BIGINT);
            ps.setDate(i++, Date.valueOf(c.createdOn()));
            ps.setObject(i++, c.marketingConsent(), Types.BOOLEAN);
            ps.setTimestamp(i++, at);
            ps.setTimestamp(i++, at);
            ps.setObject(i, c.marketingConsent(), Types.BOOLEAN);
        });
        List<CustomerRecord> withTags = rows.stream().filter(c -> !c.tags().isEmpty()).toList();
        List<CustomerRecord> withAttributes = rows.stream().filter(c -> !c.attributes().isEmpty()).toList();
        if (!withTags.isEmpty() || !withAttributes.isEmpty()) {
            Map<String, Long> ids = idsByCode(tenant, rows.stream().map(CustomerRecord::code).toList());
            replaceTags(tenant, withTags, ids);
            upsertAttributes(tenant, withAttributes, ids);
        }
        int created = 0;
        Set<String> seen = new HashSet<>();
        for (CustomerRecord c : rows) {
            String key = key(c.code());
            if (!existing.contains(key) && seen.add(key)) {
                created++;
            }
        }
        return created;
    }

    /**
     * Upserts orders whose customers all exist, and refreshes the order summary of every customer they touched (the
     * orders' customers, and those an order moved away from) in the same transaction. Returns how many orders were
     * new, and the customers touched.
     */
    public Upserted upsertOrders(TenantId tenant, List<OrderRecord> rows, Map<String, Long> customerIds,
            Instant now) {
        if (rows.isEmpty()) {
            return new Upserted(0, Set.of());
        }
        // The summary window's lock first, as every order writer takes it (see OrderSummaryRepository).
        summaries.lockWindowBeforeOrderWrites(tenant);
        Map<String, Long> existing = existingOrderNos(tenant, rows.stream().map(OrderRecord::orderNo).toList());
        Set<Long> touched = new HashSet<>(existing.values());
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate(UPSERT_ORDER, rows, rows.size(), (ps, o) -> {
            Long customerId = customerIds.get(key(o.customerCode()));
            if (customerId == null) {
                throw new IllegalArgumentException("customer " + o.customerCode() + " must exist before its orders");
            }
            int i = 1;
            ps.setLong(i++, tenant.value());
            ps.setString(i++, o.orderNo());
            ps.setLong(i++, customerId);
            ps.setTimestamp(i++, Timestamp.valueOf(o.orderedAt()));
            ps.setDate(i++, Date.valueOf(o.orderedAt().toLocalDate()));
            ps.setBigDecimal(i++, o.amount());
            ps.setInt(i++, o.quantity());
            setString(ps, i++, o.category());
            setString(ps, i++, o.channel());
            ps.setString(i++, o.status().name());
            ps.setTimestamp(i, at);
        });
        rows.forEach(o -> touched.add(customerIds.get(key(o.customerCode()))));
        summaries.refresh(tenant, touched);
        int created = 0;
        Set<String> seen = new HashSet<>();
        for (OrderRecord o : rows) {
            String key = key(o.orderNo());
            if (!existing.containsKey(key) && seen.add(key)) {
                created++;
            }
        }
        return new Upserted(created, touched);
    }

    /** How many orders were new, and the customers whose orders changed. */
    public record Upserted(int created, Set<Long> customers) {
    }

    /** Customer ids by (case-folded) code, for the given codes that exist in the tenant. */
    public Map<String, Long> idsByCode(TenantId tenant, Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        pointLookups(tenant, "select code, id from customer where tenant_id = ? and code = ?", codes,
                rs -> ids.put(key(rs.getString(1)), rs.getLong(2)));
        return ids;
    }

    /** Codes compare as the database compares them: without regard to case. */
    public static String key(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    private Set<String> existingCodes(TenantId tenant, Collection<String> codes) {
        return idsByCode(tenant, codes).keySet();
    }

    /** The customer ids of the orders that exist, by (case-folded) order number. */
    private Map<String, Long> existingOrderNos(TenantId tenant, Collection<String> orderNos) {
        Map<String, Long> found = new HashMap<>();
        pointLookups(tenant, "select order_no, customer_id from customer_order where tenant_id = ? and order_no = ?",
                orderNos, rs -> found.put(key(rs.getString(1)), rs.getLong(2)));
        return found;
    }

    /**
     * Runs a unique-key lookup per key through one prepared statement. H2 scans all of a tenant's rows for a
     * parameterised IN list on the second column of an index, which would make bulk writes quadratic there;
     * point lookups use the index on every database.
     */
    private void pointLookups(TenantId tenant, String sql, Collection<String> keys, RowCallbackHandler found) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, tenant.value());
                for (String k : new LinkedHashSet<>(keys)) {
                    ps.setString(2, k);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.processRow(rs);
                        }
                    }
                }
            }
            return null;
        });
    }

    private void replaceTags(TenantId tenant, List<CustomerRecord> rows, Map<String, Long> ids) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> customerIds = rows.stream().map(c -> ids.get(key(c.code()))).distinct().toList();
        for (List<Long> chunk : chunks(customerIds)) {
            named.update("delete from customer_tag where tenant_id = :tenant and customer_id in (:ids)",
                    new MapSqlParameterSource("tenant", tenant.value()).addValue("ids", chunk));
        }
        // Tags compare without regard to case, as codes do: "VIP" and "vip" are one tag (and one primary key).
        Map<Long, Map<String, String>> tagsById = new HashMap<>();
        for (CustomerRecord c : rows) {
            Map<String, String> tags = tagsById.computeIfAbsent(ids.get(key(c.code())), id -> new HashMap<>());
            c.tags().forEach(tag -> tags.putIfAbsent(key(tag.strip()), tag.strip()));
        }
        List<Object[]> args = new ArrayList<>();
        tagsById.forEach((id, tags) -> tags.values().forEach(tag -> args.add(new Object[] {tenant.value(), id, tag})));
        jdbc.batchUpdate("insert into customer_tag (tenant_id, customer_id, tag) values (?, ?, ?)", args);
    }

    private void upsertAttributes(TenantId tenant, List<CustomerRecord> rows, Map<String, Long> ids) {
        if (rows.isEmpty()) {
            return;
        }
        Map<List<Object>, String> values = new HashMap<>();
        for (CustomerRecord c : rows) {
            Long id = ids.get(key(c.code()));
            c.attributes().forEach((name, value) -> values.put(List.of(id, name), value));
        }
        List<Object[]> args = new ArrayList<>();
        values.forEach((k, v) -> args.add(new Object[] {tenant.value(), k.get(0), k.get(1), v}));
        jdbc.batchUpdate("insert into customer_attribute (tenant_id, customer_id, name, attr_value) values (?, ?, ?, ?)"
                + " on duplicate key update attr_value = values(attr_value)", args);
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = List.copyOf(new LinkedHashSet<>(all));
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += IN_CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    private static void setString(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null || value.isBlank()) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.strip());
        }
    }

    /** Marks the customers with these codes as sample data (issue 17, item 5). */
    public void markSample(TenantId tenant, List<String> codes) {
        jdbc.batchUpdate("update customer set sample = true where tenant_id = ? and code = ?", codes, 1000,
                (ps, code) -> {
                    ps.setLong(1, tenant.value());
                    ps.setString(2, code);
                });
    }

    /** Whether any of these codes is already a customer of the tenant. */
    public boolean anyExists(TenantId tenant, List<String> codes) {
        return !existingCodes(tenant, codes).isEmpty();
    }

    /** Locks the tenant's sample customers' rows until the transaction ends. */
    public void lockSample(TenantId tenant) {
        jdbc.queryForList("select id from customer where tenant_id = ? and sample = true for update", Long.class,
                tenant.value());
    }

    /**
     * Deletes the sample customers with their tags, attributes, orders and order summaries, and the company's order
     * summary window when no order is left (a company without data is as it was before the sample); the other
     * modules have deleted what hangs off them before. Returns how many customers went.
     */
    public int deleteSample(TenantId tenant) {
        summaries.lockWindowExclusively(tenant);
        SampleRows.deleteOfCustomersIn(JdbcClient.create(jdbc), tenant, SampleCustomers.IDS,
                "customer_tag", "customer_attribute",
                "customer_order_summary", "customer_order");
        jdbc.update("""
                delete from order_summary_window
                 where tenant_id = ? and not exists (select 1 from customer_order where tenant_id = ?)""",
                tenant.value(), tenant.value());
        return jdbc.update("delete from customer where tenant_id = ? and sample = true", tenant.value());
    }
}
