package com.tierpilot.analytics;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the dashboard of a tenant: the read models of its newest run that has them, and the stored segment sizes of
 * its last runs. A handful of small indexed reads, whatever the number of customers and orders.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** How many past runs the segment-size trend shows. */
    static final int TREND_RUNS = 12;

    private final JdbcClient jdbc;

    DashboardService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dashboard of the tenant's newest run with read models; empty before the first recompute. */
    public Optional<DashboardSnapshot> current(TenantId tenant) {
        long t = tenant.value();
        return jdbc.sql("""
                select run_id, as_of, previous_run_id, customers, active_customers, revenue, tier_a_revenue,
                       top20_share
                  from dashboard_run where tenant_id = ? order by run_id desc limit 1""")
                .param(t)
                .query((rs, i) -> {
                    long run = rs.getLong(1);
                    BigDecimal revenue = rs.getBigDecimal(6);
                    BigDecimal tierA = rs.getBigDecimal(7);
                    List<DashboardSnapshot.Segment> sizes = sizes(tenant, run);
                    return new DashboardSnapshot(run, rs.getDate(2).toLocalDate(), rs.getObject(3, Long.class),
                            rs.getInt(4), rs.getInt(5), revenue,
                            revenue.signum() <= 0 ? 0 : tierA.doubleValue() / revenue.doubleValue(), rs.getDouble(8),
                            ofScheme(sizes, "ABC", Comparator.comparing(DashboardSnapshot.Segment::key)),
                            ofScheme(sizes, "RFM", Comparator.comparingInt(s -> rfmOrder(s.key()))),
                            ofScheme(sizes, "LIFECYCLE", Comparator.comparingInt(s -> lifecycleOrder(s.key()))),
                            pareto(tenant, run), heatmap(tenant, run), migrations(tenant, run), List.of());
                })
                .optional()
                .map(snapshot -> withTrend(tenant, snapshot));
    }

    /**
     * The dashboard as the scope sees it (issue 20, data scope): for an account manager, every figure is of their
     * own customers and the shared pool's, added up when it is read from the run's per-customer results (a manager
     * holds hundreds, not millions); for all, {@link #current(TenantId)}.
     */
    public Optional<DashboardSnapshot> current(TenantId tenant, DataScope scope) {
        return scope.all() ? current(tenant) : current(tenant).map(whole -> scoped(tenant, whole, scope));
    }

    private DashboardSnapshot scoped(TenantId tenant, DashboardSnapshot whole, DataScope scope) {
        long run = whole.runId();
        DashboardReadModels.Totals t = new DashboardReadModels.Totals();
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
        List<DashboardSnapshot.Segment> sizes = new ArrayList<>();
        t.sizes.forEach((key, customers) -> {
            String[] parts = key.split("\t", 2);
            if (!parts[1].equals(DashboardSnapshot.NONE)) {
                sizes.add(new DashboardSnapshot.Segment(parts[0], parts[1], customers,
                        BigDecimal.valueOf(t.sizeCents.getOrDefault(key, 0L), 2)));
            }
        });
        double[] shares = t.pareto();
        List<DashboardSnapshot.ParetoPoint> pareto = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            pareto.add(new DashboardSnapshot.ParetoPoint((double) i / DashboardReadModels.PARETO_POINTS, shares[i]));
        }
        List<DashboardSnapshot.RfCell> heatmap = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                int customers = t.cellCustomers[r][f];
                if (customers > 0) {
                    heatmap.add(new DashboardSnapshot.RfCell(r, f, t.cellSegment[r][f], customers, BigDecimal
                            .valueOf(t.cellCents[r][f], 2).divide(BigDecimal.valueOf(customers), 2,
                                    RoundingMode.HALF_UP)));
                }
            }
        }
        BigDecimal revenue = BigDecimal.valueOf(t.revenueCents, 2);
        return new DashboardSnapshot(run, whole.asOf(), whole.previousRunId(), t.customers, t.active, revenue,
                t.revenueCents <= 0 ? 0 : (double) t.tierACents / t.revenueCents,
                shares[DashboardReadModels.PARETO_POINTS / 5],
                ofScheme(sizes, "ABC", Comparator.comparing(DashboardSnapshot.Segment::key)),
                ofScheme(sizes, "RFM", Comparator.comparingInt(x -> rfmOrder(x.key()))),
                ofScheme(sizes, "LIFECYCLE", Comparator.comparingInt(x -> lifecycleOrder(x.key()))), pareto,
                heatmap, whole.previousRunId() == null ? List.of() : scopedMigrations(tenant, run, scope, t),
                scopedTrend(tenant, whole, scope));
    }

    /** The moves of the scope's customers in the run, and per segment those who stayed in it. */
    private List<DashboardSnapshot.Migration> scopedMigrations(TenantId tenant, long run, DataScope scope,
            DashboardReadModels.Totals t) {
        Map<String, Integer> moved = new HashMap<>();
        List<DashboardSnapshot.Migration> rows = new ArrayList<>();
        jdbc.sql("select ch.scheme, ch.from_segment, ch.to_segment, count(*) from segment_change ch"
                + " join customer c on c.tenant_id = ch.tenant_id and c.id = ch.customer_id"
                + " where ch.tenant_id = ? and ch.run_id = ?" + scope.and("c.account_manager_id")
                + " group by ch.scheme, ch.from_segment, ch.to_segment")
                .params(scoped(scope, tenant.value(), run))
                .query(rs -> {
                    String to = rs.getString(3) == null ? DashboardSnapshot.NONE : rs.getString(3);
                    moved.merge(rs.getString(1) + "\t" + to, rs.getInt(4), Integer::sum);
                    rows.add(new DashboardSnapshot.Migration(rs.getString(1), rs.getString(2) == null
                            ? DashboardSnapshot.NONE : rs.getString(2), to, rs.getInt(4)));
                });
        t.sizes.forEach((key, customers) -> {
            int stayed = customers - moved.getOrDefault(key, 0);
            if (stayed > 0) {
                String[] parts = key.split("\t", 2);
                rows.add(new DashboardSnapshot.Migration(parts[0], parts[1], parts[1], stayed));
            }
        });
        rows.sort(Comparator.comparing(DashboardSnapshot.Migration::scheme)
                .thenComparing(DashboardSnapshot.Migration::from).thenComparing(DashboardSnapshot.Migration::to));
        return rows;
    }

    /** The scope's segment sizes in those of the trend's runs whose per-customer results are still kept. */
    private List<DashboardSnapshot.TrendPoint> scopedTrend(TenantId tenant, DashboardSnapshot whole,
            DataScope scope) {
        Map<Long, LocalDate> runs = new HashMap<>();
        whole.trend().forEach(p -> runs.put(p.runId(), p.asOf()));
        runs.putIfAbsent(whole.runId(), whole.asOf());
        Map<String, Integer> counts = new java.util.TreeMap<>();
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

    /**
     * The prospects by A-E grade (issue 20) as graded last night, of the customers the scope reaches: per grade A to
     * E, in order, its customers and the sum of their expected deals ({@code [Integer, BigDecimal]}); empty when no
     * customer is graded.
     */
    public Map<String, Object[]> grades(TenantId tenant, DataScope scope) {
        Map<String, Object[]> grades = new java.util.LinkedHashMap<>();
        jdbc.sql("select g.grade, count(*), coalesce(sum(s.expected_deal_size), 0) from prospect_grade g"
                + " join customer c on c.tenant_id = g.tenant_id and c.id = g.customer_id"
                + " left join customer_sales s on s.tenant_id = g.tenant_id and s.customer_id = g.customer_id"
                + " where g.tenant_id = ?" + scope.and("c.account_manager_id") + " group by g.grade order by g.grade")
                .params(scoped(scope, tenant.value()))
                .query(rs -> {
                    grades.put(rs.getString(1), new Object[] {rs.getInt(2), rs.getBigDecimal(3)});
                });
        if (grades.isEmpty()) {
            return grades;
        }
        Map<String, Object[]> all = new java.util.LinkedHashMap<>();
        for (String grade : List.of("A", "B", "C", "D", "E")) {
            all.put(grade, grades.getOrDefault(grade, new Object[] {0, BigDecimal.ZERO}));
        }
        return all;
    }

    private List<DashboardSnapshot.Segment> sizes(TenantId tenant, long run) {
        return jdbc.sql("select scheme, segment, customers, revenue from segment_size where tenant_id = ?"
                + " and run_id = ? and scheme in ('ABC', 'RFM', 'LIFECYCLE')")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.Segment(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    private static List<DashboardSnapshot.Segment> ofScheme(List<DashboardSnapshot.Segment> sizes, String scheme,
            Comparator<DashboardSnapshot.Segment> order) {
        return sizes.stream().filter(s -> s.scheme().equals(scheme)).sorted(order).toList();
    }

    private List<DashboardSnapshot.ParetoPoint> pareto(TenantId tenant, long run) {
        return jdbc.sql("select customer_share, revenue_share from dashboard_pareto where tenant_id = ?"
                + " and run_id = ? order by point")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.ParetoPoint(rs.getDouble(1), rs.getDouble(2)))
                .list();
    }

    private List<DashboardSnapshot.RfCell> heatmap(TenantId tenant, long run) {
        return jdbc.sql("select r_score, f_score, rfm_segment, customers, monetary from dashboard_rf_cell"
                + " where tenant_id = ? and run_id = ? order by r_score, f_score")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.RfCell(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getBigDecimal(5).divide(BigDecimal.valueOf(rs.getInt(4)), 2,
                                RoundingMode.HALF_UP)))
                .list();
    }

    private List<DashboardSnapshot.Migration> migrations(TenantId tenant, long run) {
        return jdbc.sql("select scheme, from_segment, to_segment, customers from dashboard_migration"
                + " where tenant_id = ? and run_id = ? order by scheme, from_segment, to_segment")
                .params(tenant.value(), run)
                .query((rs, i) -> new DashboardSnapshot.Migration(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4)))
                .list();
    }

    /**
     * Adds the segment sizes of the tenant's last {@link #TREND_RUNS} as-of dates up to the snapshot's run, one point
     * per date: of several succeeded runs as of one date (a recompute on the same day), the latest.
     */
    private DashboardSnapshot withTrend(TenantId tenant, DashboardSnapshot s) {
        Map<Long, LocalDate> runs = new HashMap<>();
        jdbc.sql("select max(id), as_of from segmentation_run where tenant_id = ? and status = 'SUCCEEDED'"
                + " and id <= ? group by as_of order by max(id) desc limit " + TREND_RUNS)
                .params(tenant.value(), s.runId())
                .query(rs -> {
                    runs.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                });
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
        return new DashboardSnapshot(s.runId(), s.asOf(), s.previousRunId(), s.customers(), s.activeCustomers(),
                s.revenue(), s.tierARevenueShare(), s.top20Share(), s.abc(), s.rfm(), s.lifecycle(), s.pareto(),
                s.heatmap(), s.migrations(), List.copyOf(trend));
    }

    private static int rfmOrder(String key) {
        return Arrays.stream(RfmSegment.values()).filter(s -> s.key().equals(key)).findFirst()
                .map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    /**
     * The customers of a run who moved from one segment of a scheme to another since the run it was compared with
     * ({@link DashboardSnapshot#NONE} for "not in any": new or no longer scored), by code, at most {@code limit}.
     */
    public List<Mover> movers(TenantId tenant, long run, String scheme, String from, String to, int limit) {
        return movers(tenant, DataScope.ALL, run, scheme, from, to, limit);
    }

    /** {@link #movers(TenantId, long, String, String, String, int)} of the customers the scope reaches. */
    public List<Mover> movers(TenantId tenant, DataScope scope, long run, String scheme, String from, String to,
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
                .query((rs, i) -> new Mover(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** A customer who moved between two segments. */
    public record Mover(String code, @Nullable String name) {
    }

    private static int lifecycleOrder(String key) {
        return Arrays.stream(LifecycleStage.values()).filter(s -> s.key().equals(key)).findFirst()
                .map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }
}
