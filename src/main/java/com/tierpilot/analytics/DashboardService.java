package com.tierpilot.analytics;

import com.tierpilot.analytics.persistence.DashboardQueries;
import com.tierpilot.analytics.persistence.DashboardTotals;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

    private final DashboardQueries queries;

    DashboardService(DashboardQueries queries) {
        this.queries = queries;
    }

    /** The dashboard of the tenant's newest run with read models; empty before the first recompute. */
    public Optional<DashboardSnapshot> current(TenantId tenant) {
        return queries.newestRun(tenant).map(run -> {
            BigDecimal revenue = run.revenue();
            List<DashboardSnapshot.Segment> sizes = queries.sizes(tenant, run.runId());
            return new DashboardSnapshot(run.runId(), run.asOf(), run.previousRunId(), run.customers(),
                    run.activeCustomers(), revenue,
                    revenue.signum() <= 0 ? 0 : run.tierARevenue().doubleValue() / revenue.doubleValue(),
                    run.top20Share(),
                    ofScheme(sizes, "ABC", Comparator.comparing(DashboardSnapshot.Segment::key)),
                    ofScheme(sizes, "RFM", Comparator.comparingInt(s -> rfmOrder(s.key()))),
                    ofScheme(sizes, "LIFECYCLE", Comparator.comparingInt(s -> lifecycleOrder(s.key()))),
                    queries.pareto(tenant, run.runId()), queries.heatmap(tenant, run.runId()),
                    queries.migrations(tenant, run.runId()), List.of());
        }).map(snapshot -> withTrend(tenant, snapshot));
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
        DashboardTotals t = queries.totals(tenant, run, scope);
        List<DashboardSnapshot.Segment> sizes = new ArrayList<>();
        t.sizes().forEach((key, customers) -> {
            String[] parts = key.split("\t", 2);
            if (!parts[1].equals(DashboardSnapshot.NONE)) {
                sizes.add(new DashboardSnapshot.Segment(parts[0], parts[1], customers,
                        BigDecimal.valueOf(t.sizeCents(key), 2)));
            }
        });
        double[] shares = t.pareto();
        List<DashboardSnapshot.ParetoPoint> pareto = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            pareto.add(new DashboardSnapshot.ParetoPoint((double) i / DashboardTotals.PARETO_POINTS, shares[i]));
        }
        List<DashboardSnapshot.RfCell> heatmap = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                int customers = t.cellCustomers(r, f);
                if (customers > 0) {
                    heatmap.add(new DashboardSnapshot.RfCell(r, f, t.cellSegment(r, f), customers, BigDecimal
                            .valueOf(t.cellCents(r, f), 2).divide(BigDecimal.valueOf(customers), 2,
                                    RoundingMode.HALF_UP)));
                }
            }
        }
        BigDecimal revenue = BigDecimal.valueOf(t.revenueCents(), 2);
        Map<Long, LocalDate> trendRuns = new HashMap<>();
        whole.trend().forEach(p -> trendRuns.put(p.runId(), p.asOf()));
        trendRuns.putIfAbsent(whole.runId(), whole.asOf());
        return new DashboardSnapshot(run, whole.asOf(), whole.previousRunId(), t.customers(), t.active(), revenue,
                t.revenueCents() <= 0 ? 0 : (double) t.tierACents() / t.revenueCents(),
                shares[DashboardTotals.PARETO_POINTS / 5],
                ofScheme(sizes, "ABC", Comparator.comparing(DashboardSnapshot.Segment::key)),
                ofScheme(sizes, "RFM", Comparator.comparingInt(x -> rfmOrder(x.key()))),
                ofScheme(sizes, "LIFECYCLE", Comparator.comparingInt(x -> lifecycleOrder(x.key()))), pareto,
                heatmap, whole.previousRunId() == null ? List.of() : scopedMigrations(tenant, run, scope, t),
                queries.scopedTrend(tenant, trendRuns, scope));
    }

    /** The moves of the scope's customers in the run, and per segment those who stayed in it. */
    private List<DashboardSnapshot.Migration> scopedMigrations(TenantId tenant, long run, DataScope scope,
            DashboardTotals t) {
        Map<String, Integer> moved = new HashMap<>();
        List<DashboardSnapshot.Migration> rows = new ArrayList<>(queries.moves(tenant, run, scope));
        rows.forEach(m -> moved.merge(m.scheme() + "\t" + m.to(), m.customers(), Integer::sum));
        t.sizes().forEach((key, customers) -> {
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

    /**
     * The prospects by A-E grade (issue 20) as graded last night, of the customers the scope reaches: per grade A to
     * E, in order, its customers and the sum of their expected deals ({@code [Integer, BigDecimal]}); empty when no
     * customer is graded.
     */
    public Map<String, Object[]> grades(TenantId tenant, DataScope scope) {
        Map<String, Object[]> grades = queries.grades(tenant, scope);
        if (grades.isEmpty()) {
            return grades;
        }
        Map<String, Object[]> all = new LinkedHashMap<>();
        for (String grade : List.of("A", "B", "C", "D", "E")) {
            all.put(grade, grades.getOrDefault(grade, new Object[] {0, BigDecimal.ZERO}));
        }
        return all;
    }

    private static List<DashboardSnapshot.Segment> ofScheme(List<DashboardSnapshot.Segment> sizes, String scheme,
            Comparator<DashboardSnapshot.Segment> order) {
        return sizes.stream().filter(s -> s.scheme().equals(scheme)).sorted(order).toList();
    }

    /**
     * Adds the segment sizes of the tenant's last {@link #TREND_RUNS} as-of dates up to the snapshot's run, one point
     * per date: of several succeeded runs as of one date (a recompute on the same day), the latest.
     */
    private DashboardSnapshot withTrend(TenantId tenant, DashboardSnapshot s) {
        List<DashboardSnapshot.TrendPoint> trend = queries.trend(tenant,
                queries.trendRuns(tenant, s.runId(), TREND_RUNS));
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
        return queries.movers(tenant, scope, run, scheme, from, to, limit);
    }

    /** A customer who moved between two segments. */
    public record Mover(String code, @Nullable String name) {
    }

    private static int lifecycleOrder(String key) {
        return Arrays.stream(LifecycleStage.values()).filter(s -> s.key().equals(key)).findFirst()
                .map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }
}
