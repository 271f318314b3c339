package com.tierpilot.loyalty.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.loyalty.Reward;
import com.tierpilot.loyalty.RewardDraft;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rewards catalogue and its redemptions. The stock is taken by one conditional update and a redemption's key is
 * unique per tenant, so two redemptions can never share the last item or happen twice.
 */
@Repository
public class RewardRepository {

    private static final String COLUMNS = "id, name, description, points_cost, stock, redeemed, active, version";

    private final JdbcClient jdbc;

    RewardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the catalogue, by name. */
    public List<Reward> page(TenantId tenant, boolean onlyActive, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from loyalty_reward where tenant_id = ?"
                + (onlyActive ? " and active = true" : "") + " order by name, id limit ? offset ?")
                .params(tenant.value(), limit, offset).query((rs, i) -> reward(rs)).list();
    }

    public int count(TenantId tenant) {
        return jdbc.sql("select count(*) from loyalty_reward where tenant_id = ?").params(tenant.value())
                .query(Integer.class).single();
    }

    public Optional<Reward> byId(TenantId tenant, long id) {
        return jdbc.sql("select " + COLUMNS + " from loyalty_reward where tenant_id = ? and id = ?")
                .params(tenant.value(), id).query((rs, i) -> reward(rs)).optional();
    }

    public long insert(TenantId tenant, RewardDraft draft, Instant now) {
        var id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into loyalty_reward (tenant_id, name, description, points_cost, stock, active, created_at,
                                            updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), draft.name(), draft.description(), draft.pointsCost(), draft.stock(),
                        draft.active(), Timestamp.from(now), Timestamp.from(now))
                .update(id, "id");
        return id.getKey().longValue();
    }

    /**
     * Changes a reward if it is still at {@code version} and the new stock is not below what was redeemed; false
     * otherwise (nothing changed).
     */
    public boolean update(TenantId tenant, long id, int version, RewardDraft draft, Instant now) {
        var params = new java.util.ArrayList<@Nullable Object>(List.of(draft.name(), draft.pointsCost(),
                draft.active(), Timestamp.from(now), tenant.value(), id, version));
        params.add(1, draft.description());
        params.add(3, draft.stock());
        if (draft.stock() != null) {
            params.add(draft.stock());
        }
        return jdbc.sql("""
                update loyalty_reward
                   set name = ?, description = ?, points_cost = ?, stock = ?, active = ?, updated_at = ?,
                       version = version + 1
                 where tenant_id = ? and id = ? and version = ?""" + (draft.stock() == null ? "" : " and redeemed <= ?"))
                .params(params).update() == 1;
    }

    /** Takes one item of an active reward's stock, in one conditional update; false when none is left. */
    public boolean takeOne(TenantId tenant, long id) {
        return jdbc.sql("""
                update loyalty_reward set redeemed = redeemed + 1
                 where tenant_id = ? and id = ? and active = true and (stock is null or redeemed < stock)""")
                .params(tenant.value(), id).update() == 1;
    }

    /** Records a redemption; empty when its key was used before (the caller's transaction is unharmed). */
    public Optional<Long> insertRedemption(TenantId tenant, long rewardId, long customerId, int points, String key,
            @Nullable Long staff, Instant now) {
        var id = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into loyalty_redemption (tenant_id, reward_id, customer_id, points, idempotency_key,
                                                    redeemed_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), rewardId, customerId, points, key, staff, Timestamp.from(now))
                    .update(id, "id");
        } catch (DuplicateKeyException used) {
            return Optional.empty();
        }
        return Optional.of(id.getKey().longValue());
    }

    /** The redemption with this key, as (id, reward id, customer id, points). */
    public Optional<long[]> redemptionByKey(TenantId tenant, String key) {
        return jdbc.sql("select id, reward_id, customer_id, points from loyalty_redemption"
                + " where tenant_id = ? and idempotency_key = ?").params(tenant.value(), key)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .optional();
    }

    /** How many redemptions the customer made of this reward. */
    public int redemptions(TenantId tenant, long rewardId, long customerId) {
        return jdbc.sql("select count(*) from loyalty_redemption where tenant_id = ? and reward_id = ?"
                + " and customer_id = ?").params(tenant.value(), rewardId, customerId).query(Integer.class).single();
    }

    private static Reward reward(ResultSet rs) throws SQLException {
        return new Reward(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getInt("points_cost"), rs.getObject("stock", Integer.class), rs.getInt("redeemed"),
                rs.getBoolean("active"), rs.getInt("version"));
    }
}
