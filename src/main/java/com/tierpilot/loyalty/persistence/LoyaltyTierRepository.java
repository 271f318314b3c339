package com.tierpilot.loyalty.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.loyalty.LoyaltyTier;
import com.tierpilot.loyalty.MemberTier;
import com.tierpilot.loyalty.TierSettings;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Member tiers, the tier settings kept with the programme, and each member's tier. */
@Repository
public class LoyaltyTierRepository {

    private final JdbcTemplate jdbc;

    LoyaltyTierRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<LoyaltyTier> tiers(TenantId tenant) {
        return jdbc.query("select id, name, threshold, benefits, upgrade_campaign_id from loyalty_tier where tenant_id = ?"
                + " order by threshold", (rs, i) -> tier(rs), tenant.value());
    }

    public long insert(TenantId tenant, String name, BigDecimal threshold, @Nullable String benefits,
            @Nullable Long upgradeCampaign) {
        jdbc.update("insert into loyalty_tier (tenant_id, name, threshold, benefits, upgrade_campaign_id)"
                + " values (?, ?, ?, ?, ?)", tenant.value(), name, threshold, benefits, upgradeCampaign);
        return jdbc.queryForObject("select id from loyalty_tier where tenant_id = ? and threshold = ?", Long.class,
                tenant.value(), threshold);
    }

    public boolean update(TenantId tenant, long id, String name, BigDecimal threshold, @Nullable String benefits,
            @Nullable Long upgradeCampaign) {
        return jdbc.update("update loyalty_tier set name = ?, threshold = ?, benefits = ?, upgrade_campaign_id = ?"
                + " where tenant_id = ? and id = ?", name, threshold, benefits, upgradeCampaign, tenant.value(), id)
                == 1;
    }

    public int members(TenantId tenant, long tier) {
        return jdbc.queryForObject("select count(*) from customer_loyalty_tier where tenant_id = ? and tier_id = ?",
                Integer.class, tenant.value(), tier);
    }

    public boolean delete(TenantId tenant, long id) {
        return jdbc.update("delete from loyalty_tier where tenant_id = ? and id = ?", tenant.value(), id) == 1;
    }

    public TierSettings settings(TenantId tenant) {
        return jdbc.query("select tier_basis, review_month, review_day from loyalty_program where tenant_id = ?",
                (rs, i) -> new TierSettings(TierSettings.Basis.valueOf(rs.getString(1)), rs.getInt(2),
                        rs.getInt(3)), tenant.value()).stream().findFirst().orElse(TierSettings.DEFAULT);
    }

    public void saveSettings(TenantId tenant, TierSettings settings, Instant now) {
        try {
            jdbc.update("insert into loyalty_program (tenant_id, updated_at) values (?, ?)", tenant.value(),
                    Timestamp.from(now));
        } catch (DuplicateKeyException exists) {
            // The programme's row is there: only its tier columns change.
        }
        jdbc.update("update loyalty_program set tier_basis = ?, review_month = ?, review_day = ?, updated_at = ?"
                + " where tenant_id = ?", settings.basis().name(), settings.reviewMonth(), settings.reviewDay(),
                Timestamp.from(now), tenant.value());
    }

    public Optional<MemberTier> memberTier(TenantId tenant, long customer) {
        return jdbc.query("""
                select t.id, t.name, t.threshold, t.benefits, t.upgrade_campaign_id, m.since, m.in_grace
                  from customer_loyalty_tier m
                  join loyalty_tier t on t.tenant_id = m.tenant_id and t.id = m.tier_id
                 where m.tenant_id = ? and m.customer_id = ?""", (rs, i) -> new MemberTier(tier(rs),
                        rs.getObject(6, LocalDate.class), rs.getBoolean(7)), tenant.value(), customer).stream()
                .findFirst();
    }

    /** Every member's tier: customer id to (tier id, in grace 1/0). */
    public Map<Long, long[]> memberTiers(TenantId tenant) {
        Map<Long, long[]> found = new HashMap<>();
        jdbc.query("select customer_id, tier_id, in_grace from customer_loyalty_tier where tenant_id = ?",
                (RowCallbackHandler) rs -> found.put(rs.getLong(1), new long[] {rs.getLong(2),
                    rs.getBoolean(3) ? 1 : 0}), tenant.value());
        return found;
    }

    /** Points earned (not spent, not taken back) since {@code from}, per customer. */
    public Map<Long, BigDecimal> pointsEarnedSince(TenantId tenant, Instant from) {
        Map<Long, BigDecimal> found = new HashMap<>();
        jdbc.query("select customer_id, sum(points) from loyalty_entry where tenant_id = ? and points > 0"
                + " and created_at >= ? group by customer_id", (RowCallbackHandler) rs -> found.put(rs.getLong(1),
                        rs.getBigDecimal(2)), tenant.value(), Timestamp.from(from));
        return found;
    }

    /** Money spent on completed orders after {@code after} up to {@code upTo}, per customer. */
    public Map<Long, BigDecimal> spentBetween(TenantId tenant, LocalDate after, LocalDate upTo) {
        Map<Long, BigDecimal> found = new HashMap<>();
        jdbc.query("select customer_id, sum(amount) from customer_order where tenant_id = ? and status = 'COMPLETED'"
                + " and order_date > ? and order_date <= ? group by customer_id", (RowCallbackHandler) rs ->
                        found.put(rs.getLong(1), rs.getBigDecimal(2)), tenant.value(), Date.valueOf(after),
                Date.valueOf(upTo));
        return found;
    }

    /** Sets members' tiers: (customer, tier, since, in grace) rows, inserted or replaced. */
    public void setTiers(TenantId tenant, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("delete from customer_loyalty_tier where tenant_id = ? and customer_id = ?",
                rows.stream().map(r -> new Object[] {tenant.value(), r[0]}).toList());
        jdbc.batchUpdate("insert into customer_loyalty_tier (tenant_id, customer_id, tier_id, since, in_grace)"
                + " values (?, ?, ?, ?, ?)", rows.stream().map(r -> new Object[] {tenant.value(), r[0], r[1],
                    Date.valueOf((LocalDate) r[2]), r[3]}).toList());
    }

    public void setGrace(TenantId tenant, List<Long> customers, boolean grace) {
        jdbc.batchUpdate("update customer_loyalty_tier set in_grace = ? where tenant_id = ? and customer_id = ?",
                customers.stream().map(c -> new Object[] {grace, tenant.value(), c}).toList());
    }

    public void removeTiers(TenantId tenant, List<Long> customers) {
        jdbc.batchUpdate("delete from customer_loyalty_tier where tenant_id = ? and customer_id = ?",
                customers.stream().map(c -> new Object[] {tenant.value(), c}).toList());
    }

    private static LoyaltyTier tier(ResultSet rs) throws SQLException {
        return new LoyaltyTier(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                rs.getObject(5, Long.class));
    }
}
