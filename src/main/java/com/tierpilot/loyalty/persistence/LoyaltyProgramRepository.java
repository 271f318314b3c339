package com.tierpilot.loyalty.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.loyalty.ExpiryMode;
import com.tierpilot.loyalty.LoyaltyRules;
import com.tierpilot.loyalty.LoyaltyRules.Multiplier;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The loyalty programme's rules, and the reads of the nightly work: orders to earn on, birthdays, expiring points. */
@Repository
public class LoyaltyProgramRepository {

    private final JdbcTemplate jdbc;

    LoyaltyProgramRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LoyaltyRules rules(TenantId tenant) {
        List<Multiplier> multipliers = jdbc.query("select kind, match_value, factor from loyalty_multiplier"
                + " where tenant_id = ? order by kind, match_value", (rs, i) -> new Multiplier(
                        Multiplier.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3)),
                tenant.value());
        return jdbc.query("select enabled, points_per_unit, birthday_bonus, expiry_mode, expiry_months, earn_from,"
                + " version from loyalty_program where tenant_id = ?", (rs, i) -> new LoyaltyRules(
                        rs.getBoolean(1), rs.getBigDecimal(2), rs.getInt(3), ExpiryMode.valueOf(rs.getString(4)),
                        rs.getObject(5, Integer.class), rs.getObject(6, LocalDate.class), multipliers, rs.getInt(7)),
                tenant.value()).stream().findFirst().orElse(LoyaltyRules.OFF);
    }

    /** Saves the rules read at {@code rules.version()} (-1: none yet); false when someone saved since. */
    public boolean save(TenantId tenant, LoyaltyRules rules, Instant now) {
        Object[] values = {rules.enabled(), rules.pointsPerUnit(), rules.birthdayBonus(), rules.expiryMode().name(),
            rules.expiryMonths(), rules.earnFrom() == null ? null : Date.valueOf(rules.earnFrom()),
            Timestamp.from(now)};
        boolean saved;
        if (rules.version() < 0) {
            try {
                saved = jdbc.update("insert into loyalty_program (enabled, points_per_unit, birthday_bonus,"
                        + " expiry_mode, expiry_months, earn_from, updated_at, tenant_id) values (?, ?, ?, ?, ?, ?, ?,"
                        + " ?)", append(values, tenant.value())) == 1;
            } catch (DuplicateKeyException savedMeanwhile) {
                return false;
            }
        } else {
            saved = jdbc.update("update loyalty_program set enabled = ?, points_per_unit = ?, birthday_bonus = ?,"
                    + " expiry_mode = ?, expiry_months = ?, earn_from = ?, updated_at = ?, version = version + 1"
                    + " where tenant_id = ? and version = ?", append(append(values, tenant.value()),
                            rules.version())) == 1;
        }
        if (saved) {
            jdbc.update("delete from loyalty_multiplier where tenant_id = ?", tenant.value());
            jdbc.batchUpdate("insert into loyalty_multiplier (tenant_id, kind, match_value, factor)"
                    + " values (?, ?, ?, ?)", rules.multipliers().stream().map(m -> new Object[] {tenant.value(),
                        m.kind().name(), m.value(), m.factor()}).toList());
        }
        return saved;
    }

    /** An order that earns points, or takes them back (a refund). */
    public record EarnOrder(long customerId, String orderNo, java.time.LocalDateTime orderedAt, LocalDate orderDate,
            BigDecimal amount, @Nullable String category, @Nullable String channel, boolean refund) {
    }

    /**
     * The orders from {@code from} to {@code to} not yet booked: completed ones without their "order:" entry, and
     * refunds (a refunded status, or a negative amount) without their "refund:" entry. Read over the unique key of
     * the ledger, so a night books only what is new.
     */
    public void unbookedOrders(TenantId tenant, LocalDate from, LocalDate to, Consumer<EarnOrder> sink) {
        jdbc.query("""
                select o.customer_id, o.order_no, o.order_date, o.amount, o.category, o.channel, o.status,
                       o.ordered_at
                  from customer_order o
                 where o.tenant_id = ? and o.order_date >= ? and o.order_date <= ?
                   and ((o.status = 'COMPLETED' and o.amount > 0 and not exists (select 1 from loyalty_entry e
                          where e.tenant_id = o.tenant_id and e.idempotency_key = concat('order:', o.order_no)))
                     or ((o.status = 'REFUNDED' or o.amount < 0) and not exists (select 1 from loyalty_entry e
                          where e.tenant_id = o.tenant_id and e.idempotency_key = concat('refund:', o.order_no))))
                 order by o.ordered_at, o.id""", (RowCallbackHandler) rs -> sink.accept(new EarnOrder(
                        rs.getLong(1), rs.getString(2), rs.getObject(8, java.time.LocalDateTime.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), !"COMPLETED".equals(rs.getString(7))
                                || rs.getBigDecimal(4).signum() < 0)),
                tenant.value(), Date.valueOf(from), Date.valueOf(to));
    }

    /** The customers whose birthday is this day (born on 29 February: the 28th in other years). */
    public List<Long> birthdays(TenantId tenant, LocalDate day) {
        boolean leapDayToo = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear();
        return jdbc.queryForList("select id from customer where tenant_id = ? and birthday is not null"
                + " and extract(month from birthday) = ? and (extract(day from birthday) = ?"
                + (leapDayToo ? " or extract(day from birthday) = 29" : "") + ")", Long.class, tenant.value(),
                day.getMonthValue(), day.getDayOfMonth());
    }

    /**
     * Per customer, the points of expired lots not yet used or expired: lots whose last valid day is before
     * {@code today}, less everything spent or taken back (spends use the points that expire first), less what
     * expired before. Positive amounts only.
     */
    public void expiring(TenantId tenant, LocalDate today, java.util.function.ObjLongConsumer<Long> sink) {
        jdbc.query("""
                select customer_id,
                       sum(case when points > 0 and expires_on is not null and expires_on < ? then points else 0 end)
                     - sum(case when points < 0 then -points else 0 end) as unused
                  from loyalty_entry
                 where tenant_id = ?
                 group by customer_id
                having sum(case when points > 0 and expires_on is not null and expires_on < ? then points else 0 end)
                     > sum(case when points < 0 then -points else 0 end)""",
                (RowCallbackHandler) rs -> sink.accept(rs.getLong(1), rs.getLong(2)), Date.valueOf(today),
                tenant.value(), Date.valueOf(today));
    }

    private static Object[] append(Object[] values, Object more) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = more;
        return all;
    }
}
