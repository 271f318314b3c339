package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.customer.OwnerAction;
import com.tierpilot.customer.OwnerChange;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Owners of customers (customer.account_manager_id) and their trail (customer_owner_change): claims from the pool by
 * a conditional update, so that of many managers claiming one customer at once exactly one gets it; releases and
 * nightly returns in batches.
 */
@Repository
public class OwnershipRepository {

    private static final String RECORD = """
            insert into customer_owner_change (tenant_id, customer_id, changed_at, changed_on, changed_by, action,
                                               old_manager_id, new_manager_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    OwnershipRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the manager's claim lock until the transaction ends: one manager's claims are counted and made one at a
     * time, so that concurrent claims cannot pass the limits together.
     */
    public void lockClaimer(TenantId tenant, long manager) {
        if (jdbc.update("update owner_claim_lock set claims = claims + 1 where tenant_id = ? and user_id = ?",
                tenant.value(), manager) == 1) {
            return;
        }
        try {
            jdbc.update("insert into owner_claim_lock (tenant_id, user_id, claims) values (?, ?, 1)", tenant.value(),
                    manager);
        } catch (DuplicateKeyException created) {
            jdbc.update("update owner_claim_lock set claims = claims + 1 where tenant_id = ? and user_id = ?",
                    tenant.value(), manager);
        }
    }

    /** How many customers the manager has claimed from the pool on the company's day. */
    public int claimsOn(TenantId tenant, long manager, LocalDate day) {
        Integer n = jdbc.queryForObject("""
                select count(*) from customer_owner_change
                 where tenant_id = ? and new_manager_id = ? and action = 'CLAIM' and changed_on = ?""",
                Integer.class, tenant.value(), manager, Date.valueOf(day));
        return n == null ? 0 : n;
    }

    /** How many customers the manager owns. */
    public long owned(TenantId tenant, long manager) {
        Long n = jdbc.queryForObject("select count(*) from customer where tenant_id = ? and account_manager_id = ?",
                Long.class, tenant.value(), manager);
        return n == null ? 0 : n;
    }

    /** Gives a customer of the pool this owner; false when it has one (claimed meanwhile) or does not exist. */
    public boolean claim(TenantId tenant, long customer, long manager, Instant now) {
        return jdbc.update("""
                update customer set account_manager_id = ?, updated_at = ?, version = version + 1
                 where tenant_id = ? and id = ? and account_manager_id is null""", manager, Timestamp.from(now),
                tenant.value(), customer) == 1;
    }

    /** Puts a customer owned by {@code owner} back in the pool; false when it had another owner or none. */
    public boolean release(TenantId tenant, long customer, long owner, Instant now) {
        return jdbc.update("""
                update customer set account_manager_id = null, updated_at = ?, version = version + 1
                 where tenant_id = ? and id = ? and account_manager_id = ?""", Timestamp.from(now), tenant.value(),
                customer, owner) == 1;
    }

    /** A customer's owner, if any (empty optional also for an unknown customer: see {@link #exists}). */
    public @Nullable Long owner(TenantId tenant, long customer) {
        List<Long> found = jdbc.query("select account_manager_id from customer where tenant_id = ? and id = ?",
                (rs, i) -> rs.getObject(1, Long.class), tenant.value(), customer);
        return found.isEmpty() ? null : found.getFirst();
    }

    public boolean exists(TenantId tenant, long customer) {
        Integer n = jdbc.queryForObject("select count(*) from customer where tenant_id = ? and id = ?",
                Integer.class, tenant.value(), customer);
        return n != null && n > 0;
    }

    /** Records one change of owner. */
    public void record(TenantId tenant, long customer, OwnerAction action, @Nullable Long from, @Nullable Long to,
            @Nullable Long by, Instant now, LocalDate day) {
        jdbc.update(RECORD, tenant.value(), customer, Timestamp.from(now), Date.valueOf(day), by, action.name(), from,
                to);
    }

    /**
     * Returns these customers, each owned by the manager given with it, to the pool and records it (a customer
     * whose owner changed since keeps its new owner); returns how many went back.
     */
    public int returnToPool(TenantId tenant, List<long[]> customerAndOwner, Instant now, LocalDate day) {
        int returned = 0;
        for (int from = 0; from < customerAndOwner.size(); from += 1000) {
            List<long[]> chunk = customerAndOwner.subList(from, Math.min(customerAndOwner.size(), from + 1000));
            List<Object[]> updates = new ArrayList<>();
            for (long[] c : chunk) {
                updates.add(new Object[] {Timestamp.from(now), tenant.value(), c[0], c[1]});
            }
            int[] done = jdbc.batchUpdate("""
                    update customer set account_manager_id = null, updated_at = ?, version = version + 1
                     where tenant_id = ? and id = ? and account_manager_id = ?""", updates);
            List<Object[]> records = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (done[i] != 0) {
                    records.add(new Object[] {tenant.value(), chunk.get(i)[0], Timestamp.from(now), Date.valueOf(day),
                        null, OwnerAction.RETURN.name(), chunk.get(i)[1], null});
                }
            }
            if (!records.isEmpty()) {
                jdbc.batchUpdate(RECORD, records);
            }
            returned += records.size();
        }
        return returned;
    }

    /** The latest changes of a customer's owner, newest first. */
    public List<OwnerChange> history(TenantId tenant, long customer, int limit) {
        return jdbc.query("""
                select changed_at, changed_by, action, old_manager_id, new_manager_id from customer_owner_change
                 where tenant_id = ? and customer_id = ? order by changed_at desc, id desc limit ?""",
                (rs, i) -> new OwnerChange(rs.getTimestamp(1).toInstant(),
                        rs.getObject(2, Long.class) == null ? null : new UserId(rs.getLong(2)),
                        OwnerAction.valueOf(rs.getString(3)), rs.getObject(4, Long.class), rs.getObject(5, Long.class)),
                tenant.value(), customer, limit);
    }
}
