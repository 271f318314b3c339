package com.tierpilot.analytics.persistence;

import com.tierpilot.analytics.DashboardService;
import com.tierpilot.analytics.DashboardSnapshot;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.DataScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's reads: the stored read models of a run (a handful of small indexed reads, whatever the number of
 * customers and orders), and for a data scope the same figures added up from the run's per-customer results.
 */
@Repository
public class DashboardQueries {

    /** The stored headline figures of a run. */
    public record RunFigures(long runId, LocalDate asOf, @Nullable Long previousRunId, int customers,
            int activeCustomers, BigDecimal revenue, BigDecimal tierARevenue, double top20Share) {
    }

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The headline figures of the company's newest run with read models. */
    public Optional<RunFigures> newestRun(TenantId tenant) {
        return jdbc.sql("""
                select run_id, as_of, previous_run_id, customers, active_customers, revenue, tier_a_revenue,
                       top20_share
                  from dashboard_run where tenant_id = ? order by run_id desc limit 1""")
                .param(tenant.value())
                .query((rs, i) -> new RunFigures(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        rs.getObject(3, Long.class), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getDouble(8)))
                .optional();
    }

    /** The run's per-customer results of the customers the scope reaches, added up. */
    public DashboardTotals totals(TenantId tenant, long run, DataScope scope) {
        DashboardTotals t = new DashboardTotals();
        jdbc.sql("select s.r_score, s.f_score, s.monetary, s.rfm_segment, s.abc_tier, s.lifecycle"
                + " from customer_segment s join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id"
                + " where s.tenant_id = ? and s.run_id = ?" + scope.and("c.account_manager_id"))
                .params(scoped(scope, tenant.value(), run))
                .query(rs -> {
                    int r = rs.getInt(1);
                    boolean scored = !rs.wasNull();
                    t.add(scored, r, rs.getInt(2), rs.getBigDecimal(3).movePointRight(2).longValueExact(),
                            rs.getString(4), rs.getString(5), rs.getString(6));
                });
        return t;
    }

    /** The moves of the scope's customers in the run, per scheme, from and to ({@link DashboardSnapshot#NONE} for none). */
    public List<DashboardSnapshot.Migration> moves(TenantId tenant, long run, DataScope scope) {
        return jdbc.sql("select ch.scheme, ch.from_segment, ch.to_segment, count(*) from segment_change ch"
                + " join customer c on c.tenant_id = ch.tenant_id and c.id = ch.customer_id"
                + " where ch.tenant_id = ? and ch.run_id = ?" + scope.and("c.account_manager_id")
                + " group by ch.scheme, ch.from_segment, ch.to_segment")
                .params(scoped(scope, tenant.value(), run))
                .query((rs, i) -> new DashboardSnapshot.Migration(rs.getString(1), rs.getString(2) == null
                        ? DashboardSnapshot.NONE : rs.getString(2), rs.getString(3) == null ? DashboardSnapshot.NONE
                                : rs.getString(3), rs.getInt(4)))
                .list();
    }

    /**
     * The company's last {@code limit} as-of dates of succeeded runs up to {@code upToRun}, each with its latest run
     * (of several runs as of one date, a recompute on the same day, the latest).
     */
    public Map<Long, LocalDate> trendRuns(TenantId tenant, long upToRun, int limit) {
        Map<Long, LocalDate> runs = new HashMap<>();
        jdbc.sql("select max(id), as_of from segmentation_run where tenant_id = ? and status = 'SUCCEEDED'"
                + " and id <= ? group by as_of order by max(id) desc limit " + limit)
                .params(tenant.value(), upToRun)
                .query(rs -> {
                    runs.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                });
        return runs;
    }

    /** The stored ABC, RFM and lifecycle segment sizes of these runs, in run order. */
    public List<DashboardSnapshot.TrendPoint> trend(TenantId tenant, Map<Long, LocalDate> runs) {
        List<DashboardSnapshot.TrendPoint> trend = new ArrayList<>();
        if (!runs.isEmpty()) {
            jdbc.sql("select run_id, scheme, segment, customers from segment_size where tenant_id = ?"
                    + " and run_id between ? and ? and scheme in ('ABC', 'RFM', 'LIFECYCLE') order by run_id")
                    .params(tenant.value(), Collections.min(runs.keySet()), Collections.max(runs.keySet()))
                    .query(rs -> {
                        LocalDate asOf = runs.get(rs.getLong(1));
                        if (asOf != null) {
                            trend.add(new DashboardSnapshot.TrendPoint(rs.getLong(1), asOf, rs.getString(2),
                                    rs.getString(3), rs.getInt(4)));
                        }
                    });
        }
        return trend;
    }

    /**
     * The prospects per A-E grade as graded last night, of the customers the scope reaches: customers and the sum of
     * their expected deals ({@code [Integer, BigDecimal]}), for the grades that have any, in grade order.
     */
    public Map<String, Object[]> grades(TenantId tenant, DataScope scope) {
        Map<String, Object[]> grades = new LinkedHashMap<>();
        jdbc.sql("select g.grade, count(*), coalesce(sum(s.expected_deal_size), 0) from prospect_grade g"
                + " join customer c on c.tenant_id = g.tenant_id and c.id = g.customer_id"
                + " left join customer_sales s on s.tenant_id = g.tenant_id and s.customer_id = g.customer_id"
                + " where g.tenant_id = ?" + scope.and("c.account_manager_id") + " group by g.grade order by g.grade")
                .params(scoped(scope, tenant.value()))
                .query(rs -> {
                    grades.put(rs.getString(1), new Object[] {rs.getInt(2), rs.getBigDecimal(3)});
                });
        return grades;
    }

    /** The run's stored sizes of the ABC, RFM and lifecycle segments. */
    public List<DashboardSnapshot.Segment> sizes(TenantId tenant, long run) {
        return jdbc.sql("select scheme, segment, customers, revenue from segment_size where tenant_id = ?"
                + " and run_id = ? and scheme in ('ABC', 'RFM', 'LIFECYCLE')")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.Segment(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    public List<DashboardSnapshot.ParetoPoint> pareto(TenantId tenant, long run) {
        return jdbc.sql("select customer_share, revenue_share from dashboard_pareto where tenant_id = ?"
                + " and run_id = ? order by point")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.ParetoPoint(rs.getDouble(1), rs.getDouble(2)))
                .list();
    }

    public List<DashboardSnapshot.RfCell> heatmap(TenantId tenant, long run) {
        return jdbc.sql("select r_score, f_score, rfm_segment, customers, monetary from dashboard_rf_cell"
                + " where tenant_id = ? and run_id = ? order by r_score, f_score")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.RfCell(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getBigDecimal(5).divide(BigDecimal.valueOf(rs.getInt(4)), 2,
                                RoundingMode.HALF_UP)))
                .list();
    }

    public List<DashboardSnapshot.Migration> migrations(TenantId tenant, long run) {
        return jdbc.sql("select scheme, from_segment, to_segment, customers from dashboard_migration"
                + " where tenant_id = ? and run_id = ? order by scheme, from_segment, to_segment")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.Migration(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4)))
                .list();
    }

    /**
     * The customers the scope reaches who moved from one segment of a scheme to another in the run
     * ({@link DashboardSnapshot#NONE} for "not in any"), by code, at most {@code limit}.
     */
    public List<DashboardService.Mover> movers(TenantId tenant, DataScope scope, long run, String scheme, String from, String to,
            int limit) {
        String fromCondition = from.equals(DashboardSnapshot.NONE) ? "ch.from_segment is null" : "ch.from_segment = ?";
        String toCondition = to.equals(DashboardSnapshot.NONE) ? "ch.to_segment is null" : "ch.to_segment = ?";
        List<Object> params = new ArrayList<>(List.of(tenant.value(), run, scheme));
        if (!from.equals(DashboardSnapshot.NONE)) {
            params.add(from);
        }
        if (!to.equals(DashboardSnapshot.NONE)) {
            params.add(to);
        }
        params.addAll(scope.params());
        params.add(limit);
        return jdbc.sql("select c.code, c.name from segment_change ch"
                + " join customer c on c.tenant_id = ch.tenant_id and c.id = ch.customer_id"
                + " where ch.tenant_id = ? and ch.run_id = ? and ch.scheme = ? and " + fromCondition + " and "
                + toCondition + scope.and("c.account_manager_id") + " order by c.code limit ?")
                .params(params)
                .query((rs, i) -> new DashboardService.Mover(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The scope's segment sizes in those of these runs (and their dates) whose per-customer results are still kept. */
    public List<DashboardSnapshot.TrendPoint> scopedTrend(TenantId tenant, Map<Long, LocalDate> runs, DataScope scope) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("select s.run_id, s.rfm_segment, s.abc_tier, s.lifecycle, count(*)"
                + " from customer_segment s join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id"
                + " where s.tenant_id = ? and s.run_id between ? and ?" + scope.and("c.account_manager_id")
                + " group by s.run_id, s.rfm_segment, s.abc_tier, s.lifecycle")
                .params(scoped(scope, tenant.value(), Collections.min(runs.keySet()),
                        Collections.max(runs.keySet())))
                .query(rs -> {
                    long run = rs.getLong(1);
                    if (runs.containsKey(run)) {
                        String[] schemes = {"RFM", "ABC", "LIFECYCLE"};
                        for (int i = 0; i < 3; i++) {
                            String segment = rs.getString(2 + i);
                            if (segment != null) {
                                counts.merge(String.format("%020d", run) + "\t" + schemes[i] + "\t" + segment,
                                        rs.getInt(5), Integer::sum);
                            }
                        }
                    }
                });
        List<DashboardSnapshot.TrendPoint> trend = new ArrayList<>();
        counts.forEach((key, customers) -> {
            String[] parts = key.split("\t", 3);
            long run = Long.parseLong(parts[0]);
            trend.add(new DashboardSnapshot.TrendPoint(run, runs.get(run), parts[1], parts[2], customers));
        });
        return trend;
    }

    private static List<Object> scoped(DataScope scope, Object... first) {
        List<Object> params = new ArrayList<>(List.of(first));
        params.addAll(scope.params());
        return params;
    }
}
