package com.tierpilot.sales.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.sales.ProspectGrade;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * What the night needs to return customers to the pool: since when each owner has had each customer (pool_watch,
 * kept by the night itself, so that customers given an owner by import or API count from the night they were first
 * seen owned), their last follow-up and grade; and the notices told to owners the day before.
 */
@Repository
public class PoolRepository {

    private final JdbcTemplate jdbc;

    PoolRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's rules of ownership and of the pool, if it has settings. */
    public java.util.Optional<com.tierpilot.sales.PoolRules> rules(TenantId tenant) {
        return jdbc.query("""
                select manager_limit, daily_claims, return_a_days, return_b_days, return_c_days, return_d_days,
                       return_e_days, return_none_days
                  from sales_settings where tenant_id = ?""",
                (rs, i) -> new com.tierpilot.sales.PoolRules(rs.getInt(1), rs.getInt(2), java.util.Map.of(
                        ProspectGrade.A, rs.getInt(3), ProspectGrade.B, rs.getInt(4), ProspectGrade.C, rs.getInt(5),
                        ProspectGrade.D, rs.getInt(6), ProspectGrade.E, rs.getInt(7)), rs.getInt(8)),
                tenant.value()).stream().findFirst();
    }

    /** Saves the rules; a company without settings gets them with these grade thresholds. */
    public void saveRules(TenantId tenant, com.tierpilot.sales.PoolRules r,
            com.tierpilot.sales.GradeThresholds thresholds, Instant now) {
        Object[] values = {r.managerLimit(), r.dailyClaims(), r.returnDays(ProspectGrade.A),
            r.returnDays(ProspectGrade.B), r.returnDays(ProspectGrade.C), r.returnDays(ProspectGrade.D),
            r.returnDays(ProspectGrade.E), r.ungradedReturnDays(), Timestamp.from(now), tenant.value()};
        if (jdbc.update("""
                update sales_settings
                   set manager_limit = ?, daily_claims = ?, return_a_days = ?, return_b_days = ?, return_c_days = ?,
                       return_d_days = ?, return_e_days = ?, return_none_days = ?, updated_at = ?
                 where tenant_id = ?""", values) == 0) {
            jdbc.update("""
                    insert into sales_settings (manager_limit, daily_claims, return_a_days, return_b_days,
                                                return_c_days, return_d_days, return_e_days, return_none_days,
                                                updated_at, tenant_id, a_within_days, b_within_days, c_within_days)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values[0], values[1], values[2], values[3],
                    values[4], values[5], values[6], values[7], values[8], values[9], thresholds.aWithinDays(),
                    thresholds.bWithinDays(), thresholds.cWithinDays());
        }
    }

    /** Forgets the watches of customers whose owner changed or who have none, and starts one for the newly owned. */
    public void refreshWatches(TenantId tenant, LocalDate today) {
        jdbc.update("""
                delete from pool_watch
                 where tenant_id = ? and not exists (select 1 from customer c where c.tenant_id = pool_watch.tenant_id
                       and c.id = pool_watch.customer_id and c.account_manager_id = pool_watch.manager_id)""",
                tenant.value());
        jdbc.update("""
                insert into pool_watch (tenant_id, customer_id, manager_id, since)
                select c.tenant_id, c.id, c.account_manager_id, ? from customer c
                 where c.tenant_id = ? and c.account_manager_id is not null
                   and not exists (select 1 from pool_watch w
                                    where w.tenant_id = c.tenant_id and w.customer_id = c.id)""",
                Date.valueOf(today), tenant.value());
    }

    /** An owned customer: its owner, grade (null: none) and the day its owner's time counts from. */
    public record Owned(long customerId, long managerId, @Nullable ProspectGrade grade, LocalDate since) {
    }

    /** Every owned customer with the later of its owner's start and its last follow-up under that owner. */
    public List<Owned> owned(TenantId tenant) {
        List<Owned> owned = new ArrayList<>();
        jdbc.query("""
                select w.customer_id, w.manager_id, g.grade, w.since,
                       (select max(l.logged_on) from customer_followup_log l
                         where l.tenant_id = w.tenant_id and l.customer_id = w.customer_id) as last_log
                  from pool_watch w
                  left join prospect_grade g on g.tenant_id = w.tenant_id and g.customer_id = w.customer_id
                 where w.tenant_id = ?""", (RowCallbackHandler) rs -> {
                    LocalDate since = rs.getObject(4, LocalDate.class);
                    LocalDate last = rs.getObject(5, LocalDate.class);
                    String grade = rs.getString(3);
                    owned.add(new Owned(rs.getLong(1), rs.getLong(2), grade == null ? null
                            : ProspectGrade.valueOf(grade), last != null && last.isAfter(since) ? last : since));
                }, tenant.value());
        return owned;
    }

    /** Tells owners that these customers ({customer, manager}) go back to the pool on {@code returnsOn}; once. */
    public int notify(TenantId tenant, List<long[]> customerAndOwner, LocalDate returnsOn, Instant now) {
        int told = 0;
        for (long[] c : customerAndOwner) {
            Integer exists = jdbc.queryForObject("""
                    select count(*) from pool_return_notice
                     where tenant_id = ? and customer_id = ? and returns_on = ?""",
                    Integer.class, tenant.value(), c[0], Date.valueOf(returnsOn));
            if (exists == null || exists == 0) {
                told += jdbc.update("""
                        insert into pool_return_notice (tenant_id, customer_id, manager_id, returns_on, created_at)
                        values (?, ?, ?, ?, ?)""", tenant.value(), c[0], c[1], Date.valueOf(returnsOn),
                        Timestamp.from(now));
            }
        }
        return told;
    }

    /** The manager's notices of customers still theirs that go back on {@code from} or later. */
    public List<com.tierpilot.sales.PoolNotice> notices(TenantId tenant, long manager, LocalDate from) {
        return jdbc.query("""
                select n.customer_id, c.code, c.name, n.returns_on from pool_return_notice n
                  join customer c on c.tenant_id = n.tenant_id and c.id = n.customer_id
                 where n.tenant_id = ? and n.manager_id = ? and n.returns_on >= ? and c.account_manager_id = ?
                 order by n.returns_on, c.code""", (rs, i) -> new com.tierpilot.sales.PoolNotice(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                tenant.value(), manager, Date.valueOf(from), manager);
    }

    /** The grades of these customers (absent: none). */
    public java.util.Map<Long, ProspectGrade> grades(TenantId tenant, List<Long> customers) {
        java.util.Map<Long, ProspectGrade> grades = new java.util.HashMap<>();
        if (customers.isEmpty()) {
            return grades;
        }
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        params.addAll(customers);
        jdbc.query("select customer_id, grade from prospect_grade where tenant_id = ? and customer_id in ("
                + String.join(",", java.util.Collections.nCopies(customers.size(), "?")) + ")",
                (RowCallbackHandler) rs -> grades.put(rs.getLong(1), ProspectGrade.valueOf(rs.getString(2))),
                params.toArray());
        return grades;
    }
}
