package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerProfile;
import com.tierpilot.customer.Gender;
import com.tierpilot.customer.OrderRow;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.DataScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer page's read model: one customer with its tags, attributes and order summary, and its orders. */
@Repository
public class CustomerProfileQueries {

    private static final String PROFILE = """
            select id, code, name, phone, email, gender, birthday, region, city, industry, company_size,
                   source_channel, account_manager_id, created_on, marketing_consent
              from customer
             where tenant_id = :tenant and %s""";

    private final JdbcClient jdbc;

    CustomerProfileQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CustomerProfile> byCode(TenantId tenant, String code) {
        return profile(tenant, "code = :key", code);
    }

    public Optional<CustomerProfile> byId(TenantId tenant, long id) {
        return profile(tenant, "id = :key", id);
    }

    /**
     * The customer with this code if the scope reaches it: a customer of another account manager reads exactly like
     * an unknown code (issue 20, data scope).
     */
    public Optional<CustomerProfile> byCode(TenantId tenant, String code, DataScope scope) {
        return byCode(tenant, code).filter(c -> scope.sees(c.accountManager()));
    }

    /**
     * Of these customer codes, those of customers the scope does not reach (another account manager's), in lower
     * case; none for a scope of all. Unknown codes are not among them.
     */
    public Set<String> outOfScope(TenantId tenant, Collection<String> codes, DataScope scope) {
        return outOfScope(tenant, "c.code", "customer c", codes, scope);
    }

    /**
     * Of these order numbers, those of orders whose customer the scope does not reach, in lower case; none for a
     * scope of all. Unknown order numbers are not among them.
     */
    public Set<String> ordersOutOfScope(TenantId tenant, Collection<String> orderNos, DataScope scope) {
        return outOfScope(tenant, "o.order_no", "customer_order o join customer c on c.tenant_id = o.tenant_id"
                + " and c.id = o.customer_id", orderNos, scope);
    }

    private Set<String> outOfScope(TenantId tenant, String key, String from, Collection<String> keys,
            DataScope scope) {
        Set<String> out = new HashSet<>();
        if (scope.all() || keys.isEmpty()) {
            return out;
        }
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            jdbc.sql("select " + key + " from " + from + " where c.tenant_id = :tenant and " + key + " in (:keys)"
                    + " and c.account_manager_id is not null and c.account_manager_id <> :manager")
                    .param("tenant", tenant.value()).param("keys", chunk)
                    .param("manager", Objects.requireNonNull(scope.manager()).value())
                    .query(String.class).list().forEach(found -> out.add(found.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** A page of the customer's orders and refunds, newest first. */
    public List<OrderRow> orders(TenantId tenant, long customerId, int offset, int limit) {
        return jdbc.sql("""
                select order_no, ordered_at, amount, quantity, category, channel, status
                  from customer_order
                 where tenant_id = :tenant and customer_id = :customer
                 order by ordered_at desc, id desc
                 limit :limit offset :offset""")
                .param("tenant", tenant.value()).param("customer", customerId).param("limit", limit)
                .param("offset", offset)
                .query((rs, i) -> new OrderRow(rs.getString("order_no"),
                        rs.getTimestamp("ordered_at").toLocalDateTime(), rs.getBigDecimal("amount"),
                        rs.getInt("quantity"), rs.getString("category"), rs.getString("channel"),
                        OrderStatus.valueOf(rs.getString("status"))))
                .list();
    }

    public int countOrders(TenantId tenant, long customerId) {
        return jdbc.sql("select count(*) from customer_order where tenant_id = ? and customer_id = ?")
                .params(tenant.value(), customerId).query(Integer.class).single();
    }

    private Optional<CustomerProfile> profile(TenantId tenant, String condition, Object key) {
        return jdbc.sql(PROFILE.formatted(condition)).param("tenant", tenant.value()).param("key", key)
                .query((rs, i) -> row(rs)).optional()
                .map(row -> complete(tenant, row));
    }

    private CustomerProfile complete(TenantId tenant, Row row) {
        List<String> tags = jdbc.sql("select tag from customer_tag where tenant_id = ? and customer_id = ? order by tag")
                .params(tenant.value(), row.id).query(String.class).list();
        Map<String, String> attributes = new LinkedHashMap<>();
        jdbc.sql("select name, attr_value from customer_attribute where tenant_id = ? and customer_id = ? order by name")
                .params(tenant.value(), row.id)
                .query(rs -> {
                    attributes.put(rs.getString(1), rs.getString(2));
                });
        CustomerProfile.OrderSummary summary = jdbc.sql("""
                select sum(case when status = 'COMPLETED' then 1 else 0 end) as orders,
                       coalesce(sum(case when status = 'CANCELLED' then 0 else amount end), 0) as revenue,
                       min(case when status = 'COMPLETED' then order_date end) as first_order,
                       max(case when status = 'COMPLETED' then order_date end) as last_order
                  from customer_order
                 where tenant_id = ? and customer_id = ?""")
                .params(tenant.value(), row.id)
                .query((rs, i) -> new CustomerProfile.OrderSummary(rs.getLong("orders"),
                        rs.getBigDecimal("revenue") == null ? BigDecimal.ZERO : rs.getBigDecimal("revenue"),
                        localDate(rs.getDate("first_order")), localDate(rs.getDate("last_order"))))
                .single();
        return new CustomerProfile(row.id, row.code, row.name, row.phone, row.email, row.gender, row.birthday,
                row.region, row.city, row.industry, row.companySize, row.sourceChannel, tags, row.accountManager,
                row.createdOn, row.consent, attributes, summary);
    }

    private static Row row(ResultSet rs) throws SQLException {
        long manager = rs.getLong("account_manager_id");
        UserId accountManager = rs.wasNull() ? null : UserId.of(manager);
        String gender = rs.getString("gender");
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("phone"),
                rs.getString("email"), gender == null ? null : Gender.fromCode(gender),
                localDate(rs.getDate("birthday")), rs.getString("region"), rs.getString("city"),
                rs.getString("industry"), rs.getString("company_size"), rs.getString("source_channel"),
                accountManager, rs.getDate("created_on").toLocalDate(), rs.getBoolean("marketing_consent"));
    }

    private static java.time.LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private record Row(long id, String code, String name, String phone, String email, Gender gender,
            java.time.LocalDate birthday, String region, String city, String industry, String companySize,
            String sourceChannel, UserId accountManager, java.time.LocalDate createdOn, boolean consent) {
    }
}
