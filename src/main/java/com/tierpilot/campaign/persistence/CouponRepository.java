package com.tierpilot.campaign.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.base.persistence.BulkInsert;
import com.tierpilot.campaign.CouponCode;
import com.tierpilot.campaign.CustomerCoupon;
import com.tierpilot.campaign.DiscountType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Coupon codes, uses and redemptions. Exactly once is the database's job: every use is a single conditional update
 * ({@code uses < limit}) of the code, of the customer's uses and of the coupon's total, in that order in every
 * transaction (so concurrent redemptions queue instead of deadlocking), and an order number redeems once by a unique
 * key. Nothing is read first to decide.
 */
@Repository
public class CouponRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CouponRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Inserts codes; throws {@link DuplicateKeyException} when one of them exists already: the caller rolls back and
     * tries again with new codes.
     */
    public void insertCodes(TenantId tenant, long couponId, List<String> codes, List<@Nullable Long> customers) {
        insertCodes(tenant, couponId, codes, customers, null);
    }

    /** Inserts codes valid until {@code validUntil} (null: as long as the coupon). */
    public void insertCodes(TenantId tenant, long couponId, List<String> codes, List<@Nullable Long> customers,
            @Nullable Instant validUntil) {
        java.sql.Timestamp until = validUntil == null ? null : java.sql.Timestamp.from(validUntil);
        BulkInsert.insert(template, tenant, couponId, "coupon_code",
                List.of("tenant_id", "coupon_id", "code", "customer_id", "uses", "valid_until"), codes.size(),
                i -> new Object[] {tenant.value(), couponId, codes.get(i), customers.get(i), 0, until}, null);
    }

    public boolean codeExists(TenantId tenant, String code) {
        return jdbc.sql("select count(*) from coupon_code where tenant_id = ? and code = ?")
                .params(tenant.value(), code).query(Integer.class).single() > 0;
    }

    public int countCodes(TenantId tenant, long couponId) {
        return jdbc.sql("select count(*) from coupon_code where tenant_id = ? and coupon_id = ?")
                .params(tenant.value(), couponId).query(Integer.class).single();
    }

    public List<CouponCode> codes(TenantId tenant, long couponId, int offset, int limit) {
        return jdbc.sql("""
                select k.code, c.code, c.name, k.uses from coupon_code k
                  left join customer c on c.tenant_id = k.tenant_id and c.id = k.customer_id
                 where k.tenant_id = ? and k.coupon_id = ? order by k.id limit ? offset ?""")
                .params(tenant.value(), couponId, limit, offset)
                .query((rs, i) -> new CouponCode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** Every code of the coupon in order, streamed. */
    public void forEachCode(TenantId tenant, long couponId, Consumer<CouponCode> consumer) {
        jdbc.sql("""
                select k.code, c.code, c.name, k.uses from coupon_code k
                  left join customer c on c.tenant_id = k.tenant_id and c.id = k.customer_id
                 where k.tenant_id = ? and k.coupon_id = ? order by k.id""")
                .params(tenant.value(), couponId)
                .query(rs -> {
                    consumer.accept(new CouponCode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                });
    }

    /** The codes that were issued to a customer, newest campaign first. */
    public List<CustomerCoupon> ofCustomer(TenantId tenant, long customerId) {
        return jdbc.sql("""
                select c.id, c.name, k.code, p.discount_type, p.discount_value,
                       coalesce(k.valid_until, p.valid_to), k.uses, p.per_code_limit
                  from coupon_code k
                  join coupon p on p.tenant_id = k.tenant_id and p.id = k.coupon_id
                  join campaign c on c.tenant_id = p.tenant_id and c.id = p.campaign_id
                 where k.tenant_id = ? and k.customer_id = ? order by c.id desc""")
                .params(tenant.value(), customerId)
                .query((rs, i) -> new CustomerCoupon(rs.getLong(1), rs.getString(2), rs.getString(3),
                        DiscountType.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getTimestamp(6).toInstant(),
                        rs.getInt(7), rs.getInt(8)))
                .list();
    }

    /** What a code is: its ids, its holder (null when shared) and its campaign. */
    public record CodeRow(long codeId, long couponId, long campaignId, @Nullable Long customerId,
            @Nullable Instant validUntil) {
    }

    public Optional<CodeRow> findCode(TenantId tenant, String code) {
        return jdbc.sql("""
                select k.id, k.coupon_id, p.campaign_id, k.customer_id, k.valid_until from coupon_code k
                  join coupon p on p.tenant_id = k.tenant_id and p.id = k.coupon_id
                 where k.tenant_id = ? and k.code = ?""")
                .params(tenant.value(), code)
                .query((rs, i) -> {
                    long customer = rs.getLong(4);
                    Long holder = rs.wasNull() ? null : customer;
                    Timestamp until = rs.getTimestamp(5);
                    return new CodeRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), holder,
                            until == null ? null : until.toInstant());
                }).optional();
    }

    /** The customer with this code, if the scope reaches it (issue 20: another manager's reads as unknown). */
    public Optional<Long> customerId(TenantId tenant, String customerCode, DataScope scope) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), customerCode));
        params.addAll(scope.params());
        return jdbc.sql("select id from customer where tenant_id = ? and code = ?" + scope.and("account_manager_id"))
                .params(params).query(Long.class).optional();
    }

    /** Whether the scope reaches this customer of the tenant. */
    public boolean reaches(TenantId tenant, long customerId, DataScope scope) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), customerId));
        params.addAll(scope.params());
        return jdbc.sql("select count(*) from customer where tenant_id = ? and id = ?"
                + scope.and("account_manager_id")).params(params).query(Integer.class).single() > 0;
    }

    /** Creates the customer's uses row of a coupon unless it exists; in a short transaction of its own. */
    public void ensureCustomerUses(TenantId tenant, long couponId, long customerId) {
        if (jdbc.sql("select count(*) from coupon_customer_use where tenant_id = ? and coupon_id = ?"
                + " and customer_id = ?").params(tenant.value(), couponId, customerId).query(Integer.class)
                .single() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into coupon_customer_use (tenant_id, coupon_id, customer_id, uses) values (?, ?, ?, 0)")
                    .params(tenant.value(), couponId, customerId).update();
        } catch (DuplicateKeyException createdConcurrently) {
            // Another redemption created it first: that is all this needed.
        }
    }

    /** Takes one use of the code if it has one left; false when it is used up. */
    public boolean useCode(TenantId tenant, long codeId, int limit) {
        return jdbc.sql("update coupon_code set uses = uses + 1 where tenant_id = ? and id = ? and uses < ?")
                .params(tenant.value(), codeId, limit).update() == 1;
    }

    /** Takes one of the customer's uses of the coupon if one is left; false when the customer reached the limit. */
    public boolean useByCustomer(TenantId tenant, long couponId, long customerId, int limit) {
        return jdbc.sql("update coupon_customer_use set uses = uses + 1 where tenant_id = ? and coupon_id = ?"
                + " and customer_id = ? and uses < ?").params(tenant.value(), couponId, customerId, limit)
                .update() == 1;
    }

    /** Takes one use of the coupon's total if one is left (always, without a total limit). */
    public boolean useTotal(TenantId tenant, long couponId) {
        return jdbc.sql("update coupon set total_used = total_used + 1 where tenant_id = ? and id = ?"
                + " and (total_limit is null or total_used < total_limit)").params(tenant.value(), couponId)
                .update() == 1;
    }

    /** Gives a use back: of the code, of the customer and of the total, in the same order as taking them. */
    public void freeUse(TenantId tenant, long codeId, long couponId, long customerId) {
        jdbc.sql("update coupon_code set uses = uses - 1 where tenant_id = ? and id = ? and uses > 0")
                .params(tenant.value(), codeId).update();
        jdbc.sql("update coupon_customer_use set uses = uses - 1 where tenant_id = ? and coupon_id = ?"
                + " and customer_id = ? and uses > 0").params(tenant.value(), couponId, customerId).update();
        jdbc.sql("update coupon set total_used = total_used - 1 where tenant_id = ? and id = ? and total_used > 0")
                .params(tenant.value(), couponId).update();
    }

    /** Records a redemption; throws {@link DuplicateKeyException} when the order number redeemed before. */
    public long insertRedemption(TenantId tenant, CodeRow code, long customerId, String orderNo,
            BigDecimal orderAmount, BigDecimal discount, Instant now) {
        var id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into coupon_redemption (tenant_id, coupon_id, code_id, customer_id, order_no, order_amount,
                                               discount, status, redeemed_at)
                values (?, ?, ?, ?, ?, ?, ?, 'REDEEMED', ?)""")
                .params(tenant.value(), code.couponId(), code.codeId(), customerId, orderNo, orderAmount, discount,
                        Timestamp.from(now))
                .update(id, "id");
        return id.getKey().longValue();
    }

    /** A redemption as stored. */
    public record RedemptionRow(long id, long codeId, long couponId, long campaignId, long customerId, String code,
            String orderNo, BigDecimal orderAmount, BigDecimal discount, boolean reversed) {
    }

    public Optional<RedemptionRow> redemptionOfOrder(TenantId tenant, String orderNo) {
        return jdbc.sql("""
                select r.id, r.code_id, r.coupon_id, p.campaign_id, r.customer_id, k.code, r.order_no,
                       r.order_amount, r.discount, r.status
                  from coupon_redemption r
                  join coupon_code k on k.tenant_id = r.tenant_id and k.id = r.code_id
                  join coupon p on p.tenant_id = r.tenant_id and p.id = r.coupon_id
                 where r.tenant_id = ? and r.order_no = ?""")
                .params(tenant.value(), orderNo)
                .query((rs, i) -> new RedemptionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                        "REVERSED".equals(rs.getString(10))))
                .optional();
    }

    /** Marks the order's redemption reversed; false when there is none or it was reversed before. */
    public boolean markReversed(TenantId tenant, String orderNo, Instant now) {
        return jdbc.sql("update coupon_redemption set status = 'REVERSED', reversed_at = ? where tenant_id = ?"
                + " and order_no = ? and status = 'REDEEMED'").params(Timestamp.from(now), tenant.value(), orderNo)
                .update() == 1;
    }

    /** How many uses the code has had: for tests and the staff screen. */
    public int usesOfCode(TenantId tenant, String code) {
        return jdbc.sql("select uses from coupon_code where tenant_id = ? and code = ?").params(tenant.value(), code)
                .query(Integer.class).optional().orElse(0);
    }
}
