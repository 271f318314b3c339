package com.tierpilot.loyalty.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.loyalty.PointsBalance;
import com.tierpilot.loyalty.PointsEntry;
import com.tierpilot.loyalty.PointsReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The points ledger and balances. Exactly once is the database's job: the unique idempotency key admits an entry
 * once, and the balance changes only through single conditional updates, never by reading it first.
 */
@Repository
public class PointsLedgerRepository {

    private final JdbcClient jdbc;

    PointsLedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean customerExists(TenantId tenant, long customerId) {
        return jdbc.sql("select count(*) from customer where tenant_id = ? and id = ?")
                .params(tenant.value(), customerId).query(Integer.class).single() > 0;
    }

    /** Appends an entry; empty when the key was used before (the caller's transaction is unharmed). */
    public Optional<Long> append(TenantId tenant, long customerId, int points, PointsReason reason,
            @Nullable String reference, String key, @Nullable LocalDate expiresOn, Instant now) {
        var id = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into loyalty_entry (tenant_id, customer_id, points, reason, reference, idempotency_key,
                                               expires_on, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), customerId, points, reason.name(), reference, key, expiresOn,
                            Timestamp.from(now))
                    .update(id, "id");
        } catch (DuplicateKeyException used) {
            return Optional.empty();
        }
        return Optional.of(id.getKey().longValue());
    }

    /** The customer's entry with this key; empty when there is none, or the key belongs to another customer. */
    public Optional<PointsEntry> byKey(TenantId tenant, long customerId, String key) {
        return jdbc.sql("""
                select id, points, reason, reference, idempotency_key, expires_on, created_at from loyalty_entry
                 where tenant_id = ? and idempotency_key = ? and customer_id = ?""")
                .params(tenant.value(), key, customerId)
                .query((rs, i) -> entry(rs)).optional();
    }

    /** Creates the customer's empty balance row unless it exists; outside any other transaction. */
    public void ensureBalance(TenantId tenant, long customerId) {
        if (jdbc.sql("select count(*) from loyalty_balance where tenant_id = ? and customer_id = ?")
                .params(tenant.value(), customerId).query(Integer.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into loyalty_balance (tenant_id, customer_id, points, debt) values (?, ?, 0, 0)")
                    .params(tenant.value(), customerId).update();
        } catch (DuplicateKeyException createdConcurrently) {
            // Another change created it first: that is all this needed.
        }
    }

    /**
     * Adds points, settling any debt first: the debt is paid from the points before they reach the balance. In one
     * conditional update, as long as the balance stays at most {@code maxBalance}; false (and nothing changed) when
     * it would not.
     */
    public boolean add(TenantId tenant, long customerId, int points, int maxBalance) {
        return jdbc.sql("""
                update loyalty_balance
                   set points = points + greatest(? - debt, 0), debt = greatest(debt - ?, 0)
                 where tenant_id = ? and customer_id = ? and points + greatest(? - debt, 0) <= ?""")
                .params(points, points, tenant.value(), customerId, points, maxBalance).update() == 1;
    }

    /** Takes points if the balance covers them, in one conditional update; false when it does not. */
    public boolean take(TenantId tenant, long customerId, int points) {
        return jdbc.sql("update loyalty_balance set points = points - ? where tenant_id = ? and customer_id = ?"
                + " and points >= ?").params(points, tenant.value(), customerId, points).update() == 1;
    }

    /**
     * Takes back points as far as the balance goes; the rest becomes debt. The debt is computed from the balance
     * before the update in both SET clauses, whichever order a database evaluates them in.
     */
    public void takeBack(TenantId tenant, long customerId, int points) {
        int updated = jdbc.sql("""
                update loyalty_balance
                   set debt = debt + greatest(? - points, 0), points = greatest(points - ?, 0)
                 where tenant_id = ? and customer_id = ?""")
                .params(points, points, tenant.value(), customerId).update();
        if (updated != 1) {
            throw new IllegalStateException("no balance row for customer " + customerId);
        }
    }

    public PointsBalance balance(TenantId tenant, long customerId) {
        return jdbc.sql("select points, debt from loyalty_balance where tenant_id = ? and customer_id = ?")
                .params(tenant.value(), customerId).query((rs, i) -> new PointsBalance(rs.getInt(1), rs.getInt(2)))
                .optional().orElse(PointsBalance.NONE);
    }

    /** The points an order earned, net of what was already taken back for it. */
    public int netPointsOfOrder(TenantId tenant, long customerId, String orderNo) {
        return jdbc.sql("""
                select coalesce(sum(points), 0) from loyalty_entry
                 where tenant_id = ? and customer_id = ? and reference = ? and reason in ('ORDER', 'REFUND')""")
                .params(tenant.value(), customerId, orderNo).query(Integer.class).single();
    }

    public List<PointsEntry> latest(TenantId tenant, long customerId, int limit) {
        return jdbc.sql("""
                select id, points, reason, reference, idempotency_key, expires_on, created_at from loyalty_entry
                 where tenant_id = ? and customer_id = ? order by created_at desc, id desc limit ?""")
                .params(tenant.value(), customerId, limit).query((rs, i) -> entry(rs)).list();
    }

    /** The sum of the customer's ledger: what the balance and debt must always add up to. */
    public int ledgerSum(TenantId tenant, long customerId) {
        return jdbc.sql("select coalesce(sum(points), 0) from loyalty_entry where tenant_id = ? and customer_id = ?")
                .params(tenant.value(), customerId).query(Integer.class).single();
    }

    private static PointsEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PointsEntry(rs.getLong(1), rs.getInt(2), PointsReason.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getTimestamp(7).toInstant());
    }
}
