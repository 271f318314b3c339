package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import com.tierpilot.segmentation.engine.CutPoints;
import com.tierpilot.segmentation.engine.ScoredCustomers;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Intraday runs (issue 21): the company's opt-in, the customers whose orders changed through the API since the last
 * full run (intraday_pending), the frozen cut points of a full run, and the set-based copy of a run's rows for the
 * customers an intraday run leaves alone. The customers a run rescores are the pending rows it claimed (run_id).
 */
@Repository
public class IntradayRepository {

    /** Customers per IN list. */
    private static final int CHUNK = 500;

    private static final String NOT_PENDING = """
             not exists (select 1 from intraday_pending p
                          where p.tenant_id = %1$s.tenant_id and p.run_id = ? and p.customer_id = %1$s.customer_id)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IntradayRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // --- the company's choice ------------------------------------------------------------------------------------

    public boolean enabled(TenantId tenant) {
        return jdbc.sql("select enabled from segmentation_intraday where tenant_id = ?").param(tenant.value())
                .query(Boolean.class).optional().orElse(false);
    }

    public void setEnabled(TenantId tenant, boolean enabled, Instant now) {
        if (jdbc.sql("update segmentation_intraday set enabled = ?, updated_at = ? where tenant_id = ?")
                .params(enabled, Timestamp.from(now), tenant.value()).update() == 0) {
            jdbc.sql("insert into segmentation_intraday (tenant_id, enabled, updated_at) values (?, ?, ?)")
                    .params(tenant.value(), enabled, Timestamp.from(now)).update();
        }
    }

    // --- pending customers ---------------------------------------------------------------------------------------

    /** Records customers whose orders changed, in the caller's transaction (that of the orders). */
    public void record(TenantId tenant, Collection<Long> customers, Instant now) {
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("insert into intraday_pending (tenant_id, customer_id, recorded_at) values (?, ?, ?)",
                customers.stream().map(id -> new Object[] {tenant.value(), id, at}).toList());
    }

    /**
     * The companies with customers waiting for an intraday run that are due: nothing was recorded for them since
     * {@code quietSince}, or their oldest waits since before {@code waitedSince}.
     */
    @TenantAgnostic("the poller looks for due companies across all of them")
    public List<TenantId> due(Instant quietSince, Instant waitedSince) {
        return jdbc.sql("""
                select tenant_id from intraday_pending where run_id is null
                 group by tenant_id having max(recorded_at) < ? or min(recorded_at) < ?""")
                .params(Timestamp.from(quietSince), Timestamp.from(waitedSince)).query(Long.class).list().stream()
                .map(TenantId::new).toList();
    }

    /**
     * Claims the company's waiting customers for a run that holds its recompute slot: those not rescored yet, and
     * those of runs that did not succeed. Returns how many rows.
     */
    public int claim(TenantId tenant, long run) {
        return jdbc.sql("""
                update intraday_pending set run_id = ?
                 where tenant_id = ? and (run_id is null
                       or run_id not in (select r.id from segmentation_run r
                                          where r.tenant_id = ? and r.status = 'SUCCEEDED'))""")
                .params(run, tenant.value(), tenant.value()).update();
    }

    /** Gives the customers of a run that failed back to the next one. */
    public void release(TenantId tenant, long run) {
        jdbc.sql("update intraday_pending set run_id = null where tenant_id = ? and run_id = ?")
                .params(tenant.value(), run).update();
    }

    /** Forgets the waiting customers (the next full run covers them). */
    public int dropWaiting(TenantId tenant) {
        return jdbc.sql("delete from intraday_pending where tenant_id = ? and run_id is null").param(tenant.value())
                .update();
    }

    /** After a full run that started at {@code startedAt}: it read every order recorded before. */
    public void coveredByFullRun(TenantId tenant, Instant startedAt) {
        jdbc.sql("delete from intraday_pending where tenant_id = ? and recorded_at < ?")
                .params(tenant.value(), Timestamp.from(startedAt)).update();
    }

    /** The distinct customers a run claimed, in id order. */
    public List<Long> claimed(TenantId tenant, long run) {
        return jdbc.sql("select distinct customer_id from intraday_pending where tenant_id = ? and run_id = ?"
                + " order by customer_id").params(tenant.value(), run).query(Long.class).list();
    }

    /** How many customers intraday runs on top of {@code baseRun} updated, and when the last one finished. */
    public Optional<Updated> updatedSince(TenantId tenant, long baseRun) {
        return jdbc.sql("""
                select count(distinct p.customer_id), max(r.finished_at) from intraday_pending p
                  join segmentation_run r on r.tenant_id = p.tenant_id and r.id = p.run_id
                 where p.tenant_id = ? and r.status = 'SUCCEEDED' and r.base_run_id = ?""")
                .params(tenant.value(), baseRun)
                .query((rs, i) -> rs.getTimestamp(2) == null ? null
                        : new Updated(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** Customers updated by intraday runs, and the end of the last of them. */
    public record Updated(int customers, Instant lastAt) {
    }

    // --- runs and cut points -------------------------------------------------------------------------------------

    public void setBase(TenantId tenant, long run, long baseRun) {
        jdbc.sql("update segmentation_run set base_run_id = ? where tenant_id = ? and id = ?")
                .params(baseRun, tenant.value(), run).update();
    }

    /** The full run an intraday run scored with; null for a full run. */
    public @Nullable Long base(TenantId tenant, long run) {
        return jdbc.sql("select base_run_id from segmentation_run where tenant_id = ? and id = ?")
                .params(tenant.value(), run).query((rs, i) -> {
                    long base = rs.getLong(1);
                    return rs.wasNull() ? null : base;
                }).optional().orElse(null);
    }

    /** The settings version a run scored with. */
    public int settingsVersion(TenantId tenant, long run) {
        return jdbc.sql("select settings_version from segmentation_run where tenant_id = ? and id = ?")
                .params(tenant.value(), run).query(Integer.class).single();
    }

    /** Removes a run that never started (its slot was taken): it is no part of the history. */
    public void forget(TenantId tenant, long run) {
        jdbc.sql("delete from segmentation_run where tenant_id = ? and id = ? and status = 'FAILED'")
                .params(tenant.value(), run).update();
    }

    public Optional<CutPoints> cutPoints(TenantId tenant, long run) {
        return jdbc.sql("select cut_points from segmentation_run where tenant_id = ? and id = ?"
                + " and cut_points is not null").params(tenant.value(), run).query(String.class).optional()
                .map(CutPoints::decode);
    }

    /** Derives a full run's cut points from its rows and keeps them with the run. */
    public CutPoints deriveCutPoints(TenantId tenant, long run) {
        Map<Integer, Long> r = extremes(tenant, run, "r_score", "max(recency_days)");
        Map<Integer, Long> f = extremes(tenant, run, "f_score", "min(frequency)");
        Map<Integer, Long> m = extremes(tenant, run, "m_score", "min(monetary * 100)");
        Map<String, Long> tiers = new HashMap<>();
        jdbc.sql("select abc_tier, min(monetary * 100) from customer_segment where tenant_id = ? and run_id = ?"
                + " and abc_tier in ('A', 'B') and monetary > 0 group by abc_tier").params(tenant.value(), run)
                .query(rs -> {
                    tiers.put(rs.getString(1), rs.getBigDecimal(2).longValue());
                });
        CutPoints cuts = CutPoints.of(r, f, m, tiers.get("A"), tiers.get("B"));
        jdbc.sql("update segmentation_run set cut_points = ? where tenant_id = ? and id = ?")
                .params(cuts.encode(), tenant.value(), run).update();
        return cuts;
    }

    private Map<Integer, Long> extremes(TenantId tenant, long run, String score, String extreme) {
        Map<Integer, Long> values = new HashMap<>();
        jdbc.sql("select " + score + ", " + extreme + " from customer_segment where tenant_id = ? and run_id = ?"
                + " and " + score + " is not null group by " + score).params(tenant.value(), run)
                .query(rs -> {
                    values.put(rs.getInt(1), rs.getBigDecimal(2).longValue());
                });
        return values;
    }

    // --- metrics of the claimed customers ------------------------------------------------------------------------

    /** The metrics of the given customers (that still exist) as of {@code asOf}, in id order. */
    public CustomerMetrics metrics(TenantId tenant, List<Long> customers, LocalDate asOf, int windowDays) {
        CustomerMetrics metrics = new CustomerMetrics();
        Date from = Date.valueOf(asOf.minusDays(windowDays));
        for (List<Long> chunk : chunks(customers)) {
            Map<Long, Object[]> orders = new HashMap<>();
            jdbc.sql("""
                    select customer_id,
                           sum(case when order_date >= :from and status = 'COMPLETED' then 1 else 0 end),
                           sum(case when order_date >= :from and status <> 'CANCELLED' then amount else 0 end),
                           max(case when order_date >= :from and status = 'COMPLETED' then order_date end),
                           min(case when status = 'COMPLETED' then order_date end),
                           max(case when status = 'COMPLETED' then order_date end),
                           sum(case when status = 'COMPLETED' then 1 else 0 end)
                      from customer_order
                     where tenant_id = :tenant and customer_id in (:ids) and order_date < :to
                     group by customer_id""").param("from", from).param("to", Date.valueOf(asOf))
                    .param("tenant", tenant.value()).param("ids", chunk)
                    .query(rs -> {
                        orders.put(rs.getLong(1), new Object[] {rs.getInt(2),
                            rs.getBigDecimal(3).movePointRight(2).longValueExact(), epochDay(rs.getDate(4)),
                            epochDay(rs.getDate(5)), epochDay(rs.getDate(6)), rs.getInt(7)});
                    });
            jdbc.sql("select id, code from customer where tenant_id = :tenant and id in (:ids) order by id")
                    .param("tenant", tenant.value()).param("ids", chunk).query(rs -> {
                        Object[] o = orders.get(rs.getLong(1));
                        if (o == null) {
                            metrics.add(rs.getLong(1), rs.getString(2), 0, 0, CustomerMetrics.NONE,
                                    CustomerMetrics.NONE, CustomerMetrics.NONE, 0);
                        } else {
                            metrics.add(rs.getLong(1), rs.getString(2), (int) o[0], (long) o[1], (int) o[2],
                                    (int) o[3], (int) o[4], (int) o[5]);
                        }
                    });
        }
        return metrics;
    }

    private static int epochDay(@Nullable Date date) {
        return date == null ? CustomerMetrics.NONE : (int) date.toLocalDate().toEpochDay();
    }

    // --- writing the run ------------------------------------------------------------------------------------------

    /** Copies the rows of the customers the run leaves alone from run {@code from}, set-based. */
    public int copyUnclaimed(TenantId tenant, long from, long run) {
        return jdbc.sql("""
                insert into customer_segment (tenant_id, run_id, customer_id, recency_days, frequency, monetary,
                       r_score, f_score, m_score, rfm_segment, abc_tier, lifecycle, first_order, last_order,
                       orders_total)
                select s.tenant_id, ?, s.customer_id, s.recency_days, s.frequency, s.monetary, s.r_score, s.f_score,
                       s.m_score, s.rfm_segment, s.abc_tier, s.lifecycle, s.first_order, s.last_order, s.orders_total
                  from customer_segment s
                 where s.tenant_id = ? and s.run_id = ? and""" + " " + NOT_PENDING.formatted("s"))
                .params(run, tenant.value(), from, run).update();
    }

    /**
     * Copies rule segment members from run {@code from}: of the customers the run leaves alone, and every member of
     * the segments in {@code keptWhole} (changed since the full run: they are evaluated again only by the next one).
     */
    public void copyRuleMembers(TenantId tenant, long from, long run, Collection<Long> keptWhole) {
        List<Long> whole = keptWhole.isEmpty() ? List.of(-1L) : List.copyOf(keptWhole);
        jdbc.sql("""
                insert into rule_segment_member (tenant_id, run_id, segment_id, customer_id)
                select m.tenant_id, :run, m.segment_id, m.customer_id from rule_segment_member m
                 where m.tenant_id = :tenant and m.run_id = :from
                   and exists (select 1 from rule_segment r where r.tenant_id = m.tenant_id and r.id = m.segment_id)
                   and (m.segment_id in (:whole) or not exists (select 1 from intraday_pending p
                         where p.tenant_id = m.tenant_id and p.run_id = :run and p.customer_id = m.customer_id))""")
                .param("run", run).param("tenant", tenant.value()).param("from", from).param("whole", whole)
                .update();
    }

    /** The rule segments changed since {@code since}. */
    public List<Long> rulesChangedSince(TenantId tenant, Instant since) {
        return jdbc.sql("select id from rule_segment where tenant_id = ? and updated_at >= ?")
                .params(tenant.value(), Timestamp.from(since)).query(Long.class).list();
    }

    /** Sizes and revenue of the built-in schemes' segments in the run, from its rows. */
    public void writeSizes(TenantId tenant, long run) {
        for (String[] scheme : new String[][] {{"RFM", "rfm_segment"}, {"ABC", "abc_tier"},
            {"LIFECYCLE", "lifecycle"}}) {
            jdbc.sql("insert into segment_size (tenant_id, run_id, scheme, segment, customers, revenue)"
                    + " select tenant_id, run_id, ?, " + scheme[1] + ", count(*), coalesce(sum(monetary), 0)"
                    + " from customer_segment where tenant_id = ? and run_id = ? and " + scheme[1] + " is not null"
                    + " group by tenant_id, run_id, " + scheme[1]).params(scheme[0], tenant.value(), run).update();
        }
    }

    /** Copies the changes of the customers the run leaves alone from run {@code from}. Returns how many. */
    public int copyChanges(TenantId tenant, long from, long run) {
        return jdbc.sql("""
                insert into segment_change (tenant_id, run_id, customer_id, scheme, from_segment, to_segment)
                select c.tenant_id, ?, c.customer_id, c.scheme, c.from_segment, c.to_segment from segment_change c
                 where c.tenant_id = ? and c.run_id = ? and""" + " " + NOT_PENDING.formatted("c"))
                .params(run, tenant.value(), from, run).update();
    }

    /**
     * Writes the changes of the rescored customers against the baseline run's rows (a customer the baseline did not
     * have changes from nothing). Returns how many.
     */
    public int writeChanges(TenantId tenant, long baseline, long run, ScoredCustomers scored) {
        Map<Long, String[]> before = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            ids.add(scored.metrics().id(i));
        }
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("select customer_id, rfm_segment, abc_tier, lifecycle from customer_segment"
                    + " where tenant_id = :tenant and run_id = :run and customer_id in (:ids)")
                    .param("tenant", tenant.value()).param("run", baseline).param("ids", chunk)
                    .query(rs -> {
                        before.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    });
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            long id = scored.metrics().id(i);
            String[] was = before.getOrDefault(id, new String[3]);
            String[] now = {scored.segment(i) == null ? null : scored.segment(i).key(),
                scored.tier(i) == null ? null : scored.tier(i).name(), scored.stage(i).key()};
            String[] schemes = {"RFM", "ABC", "LIFECYCLE"};
            for (int k = 0; k < 3; k++) {
                if (!Objects.equals(was[k], now[k])) {
                    rows.add(new Object[] {tenant.value(), run, id, schemes[k], was[k], now[k]});
                }
            }
        }
        template.batchUpdate("insert into segment_change (tenant_id, run_id, customer_id, scheme, from_segment,"
                + " to_segment) values (?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    /** The run's customers, and those of them with RFM scores. */
    public int[] totals(TenantId tenant, long run) {
        return jdbc.sql("select count(*), count(r_score) from customer_segment where tenant_id = ? and run_id = ?")
                .params(tenant.value(), run).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

}
