package com.tierpilot.analytics.persistence;

import com.tierpilot.analytics.DashboardSnapshot;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the dashboard's read models of a published run in one streamed pass over the run's per-customer results
 * (segmentation's {@code customer_segment}, read-only, by run id) and one GROUP BY over its change log
 * ({@code segment_change}), and stores them under the run id in the {@code dashboard_*} tables. Computing a run again
 * replaces what it stored; the read models of all but the two newest runs are removed.
 *
 * <p>Must run outside a transaction: on MySQL the streamed rows occupy their connection, so the results are written
 * in a transaction of their own afterwards.
 */
@Repository
public class DashboardReadModelRepository {

    private static final Logger log = LoggerFactory.getLogger(DashboardReadModelRepository.class);
    private static final int PARETO_POINTS = DashboardTotals.PARETO_POINTS;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DatabaseDialect dialect;
    private final Clock clock;

    DashboardReadModelRepository(JdbcTemplate jdbc, TransactionTemplate transactions, DatabaseDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Computes and stores the read models of the tenant's published run {@code run}, scored as of {@code asOf}. */
    public void compute(TenantId tenant, long run, LocalDate asOf) {
        long started = System.nanoTime();
        DashboardTotals totals = jdbc.query(dialect.streaming("select r_score, f_score, monetary, rfm_segment, abc_tier,"
                + " lifecycle from customer_segment where tenant_id = ? and run_id = ?", tenant.value(), run),
                (ResultSetExtractor<DashboardTotals>) rs -> {
            DashboardTotals t = new DashboardTotals();
            while (rs.next()) {
                int r = rs.getInt(1);
                boolean scored = !rs.wasNull();
                int f = rs.getInt(2);
                long cents = rs.getBigDecimal(3).movePointRight(2).longValueExact();
                t.add(scored, r, f, cents, rs.getString(4), rs.getString(5), rs.getString(6));
            }
            return t;
        });
        if (totals == null) {
            throw new IllegalStateException("no result rows read for run " + run);
        }
        Long previous = jdbc.query("select previous_run_id from segmentation_state where tenant_id = ?",
                rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null, tenant.value());
        List<Object[]> migrations = previous == null ? List.of() : migrations(tenant, run, totals);
        double[] pareto = totals.pareto();
        int computeMs = (int) ((System.nanoTime() - started) / 1_000_000);
        transactions.executeWithoutResult(tx -> write(tenant, run, asOf, previous, totals, pareto, migrations,
                computeMs));
        log.info("Dashboard read models of run {}: {} customers, {} migration cells in {} ms (written in {} ms)", run,
                totals.customers(), migrations.size(), computeMs,
                (System.nanoTime() - started) / 1_000_000 - computeMs);
    }

    /**
     * The migration matrix from the run's change log: the movers per (from, to), and per segment of this run the
     * customers who stayed in it (its size less those who moved into it).
     */
    private List<Object[]> migrations(TenantId tenant, long run, DashboardTotals totals) {
        Map<String, Integer> moved = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("select scheme, from_segment, to_segment, count(*) from segment_change"
                + " where tenant_id = ? and run_id = ? group by scheme, from_segment, to_segment", rs -> {
                    String scheme = rs.getString(1);
                    String from = DashboardTotals.orNone(rs.getString(2));
                    String to = DashboardTotals.orNone(rs.getString(3));
                    int customers = rs.getInt(4);
                    moved.merge(scheme + "\t" + to, customers, Integer::sum);
                    rows.add(new Object[] {tenant.value(), run, scheme, from, to, customers});
                }, tenant.value(), run);
        totals.sizes().forEach((key, customers) -> {
            int stayed = customers - moved.getOrDefault(key, 0);
            if (stayed > 0) {
                String[] parts = key.split("\t", 2);
                rows.add(new Object[] {tenant.value(), run, parts[0], parts[1], parts[1], stayed});
            }
        });
        return rows;
    }

    private void write(TenantId tenant, long run, LocalDate asOf, @Nullable Long previous, DashboardTotals totals,
            double[] pareto, List<Object[]> migrations, int computeMs) {
        for (String table : new String[] {"dashboard_run", "dashboard_pareto", "dashboard_rf_cell",
            "dashboard_migration"}) {
            // Keep the two newest runs: the one shown, and this one while the one shown is still being read.
            jdbc.update("delete from " + table + " where tenant_id = ? and (run_id = ? or run_id < ?)",
                    tenant.value(), run, previous == null ? run : Math.min(previous, run));
        }
        jdbc.update("""
                insert into dashboard_run (tenant_id, run_id, as_of, previous_run_id, customers, active_customers,
                    revenue, tier_a_revenue, top20_share, computed_at, compute_ms)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tenant.value(), run, asOf, previous, totals.customers(),
                totals.active(), BigDecimal.valueOf(totals.revenueCents(), 2), BigDecimal.valueOf(totals.tierACents(), 2),
                pareto[PARETO_POINTS / 5], Timestamp.from(clock.instant()), computeMs);
        List<Object[]> points = new ArrayList<>(pareto.length);
        for (int i = 0; i < pareto.length; i++) {
            points.add(new Object[] {tenant.value(), run, i, (double) i / PARETO_POINTS, pareto[i]});
        }
        jdbc.batchUpdate("insert into dashboard_pareto (tenant_id, run_id, point, customer_share, revenue_share)"
                + " values (?, ?, ?, ?, ?)", points);
        List<Object[]> cells = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                int customers = totals.cellCustomers(r, f);
                if (customers > 0) {
                    cells.add(new Object[] {tenant.value(), run, r, f, totals.cellSegment(r, f), customers,
                        BigDecimal.valueOf(totals.cellCents(r, f), 2)});
                }
            }
        }
        jdbc.batchUpdate("insert into dashboard_rf_cell (tenant_id, run_id, r_score, f_score, rfm_segment, customers,"
                + " monetary) values (?, ?, ?, ?, ?, ?, ?)", cells);
        jdbc.batchUpdate("insert into dashboard_migration (tenant_id, run_id, scheme, from_segment, to_segment,"
                + " customers) values (?, ?, ?, ?, ?, ?)", migrations);
    }


}
