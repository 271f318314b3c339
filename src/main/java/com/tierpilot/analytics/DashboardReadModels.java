package com.tierpilot.analytics;

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
import org.springframework.stereotype.Component;
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
@Component
class DashboardReadModels {

    private static final Logger log = LoggerFactory.getLogger(DashboardReadModels.class);
    static final int PARETO_POINTS = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DatabaseDialect dialect;
    private final Clock clock;

    DashboardReadModels(JdbcTemplate jdbc, TransactionTemplate transactions, DatabaseDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Computes and stores the read models of the tenant's published run {@code run}, scored as of {@code asOf}. */
    void compute(TenantId tenant, long run, LocalDate asOf) {
        long started = System.nanoTime();
        Totals totals = jdbc.query(dialect.streaming("select r_score, f_score, monetary, rfm_segment, abc_tier,"
                + " lifecycle from customer_segment where tenant_id = ? and run_id = ?", tenant.value(), run),
                (ResultSetExtractor<Totals>) rs -> {
            Totals t = new Totals();
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
                totals.customers, migrations.size(), computeMs,
                (System.nanoTime() - started) / 1_000_000 - computeMs);
    }

    /**
     * The migration matrix from the run's change log: the movers per (from, to), and per segment of this run the
     * customers who stayed in it (its size less those who moved into it).
     */
    private List<Object[]> migrations(TenantId tenant, long run, Totals totals) {
        Map<String, Integer> moved = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("select scheme, from_segment, to_segment, count(*) from segment_change"
                + " where tenant_id = ? and run_id = ? group by scheme, from_segment, to_segment", rs -> {
                    String scheme = rs.getString(1);
                    String from = orNone(rs.getString(2));
                    String to = orNone(rs.getString(3));
                    int customers = rs.getInt(4);
                    moved.merge(scheme + "\t" + to, customers, Integer::sum);
                    rows.add(new Object[] {tenant.value(), run, scheme, from, to, customers});
                }, tenant.value(), run);
        totals.sizes.forEach((key, customers) -> {
            int stayed = customers - moved.getOrDefault(key, 0);
            if (stayed > 0) {
                String[] parts = key.split("\t", 2);
                rows.add(new Object[] {tenant.value(), run, parts[0], parts[1], parts[1], stayed});
            }
        });
        return rows;
    }

    private void write(TenantId tenant, long run, LocalDate asOf, @Nullable Long previous, Totals totals,
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
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tenant.value(), run, asOf, previous, totals.customers,
                totals.active, BigDecimal.valueOf(totals.revenueCents, 2), BigDecimal.valueOf(totals.tierACents, 2),
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
                int customers = totals.cellCustomers[r][f];
                if (customers > 0) {
                    cells.add(new Object[] {tenant.value(), run, r, f, totals.cellSegment[r][f], customers,
                        BigDecimal.valueOf(totals.cellCents[r][f], 2)});
                }
            }
        }
        jdbc.batchUpdate("insert into dashboard_rf_cell (tenant_id, run_id, r_score, f_score, rfm_segment, customers,"
                + " monetary) values (?, ?, ?, ?, ?, ?, ?)", cells);
        jdbc.batchUpdate("insert into dashboard_migration (tenant_id, run_id, scheme, from_segment, to_segment,"
                + " customers) values (?, ?, ?, ?, ?, ?)", migrations);
    }

    private static String orNone(@Nullable String segment) {
        return segment == null ? DashboardSnapshot.NONE : segment;
    }

    /** What one pass over a run's customers adds up. */
    static final class Totals {
        int customers;
        int active;
        long revenueCents;
        long tierACents;
        /** The scored customers' monetary values, in cents. */
        long[] monetary = new long[1024];
        final int[][] cellCustomers = new int[6][6];
        final long[][] cellCents = new long[6][6];
        final String[][] cellSegment = new String[6][6];
        /** Customers per "scheme\tsegment" of this run, customers in no segment of a scheme under "-". */
        final Map<String, Integer> sizes = new HashMap<>();
        /** Their monetary values per "scheme\tsegment", in cents. */
        final Map<String, Long> sizeCents = new HashMap<>();

        void add(boolean scored, int r, int f, long cents, @Nullable String rfm, @Nullable String abc,
                @Nullable String lifecycle) {
            customers++;
            revenueCents += cents;
            if ("A".equals(abc)) {
                tierACents += cents;
            }
            if (scored) {
                if (active == monetary.length) {
                    monetary = Arrays.copyOf(monetary, active * 2);
                }
                monetary[active++] = cents;
                if (r >= 1 && r <= 5 && f >= 1 && f <= 5) {
                    cellCustomers[r][f]++;
                    cellCents[r][f] += cents;
                    if (rfm != null) {
                        cellSegment[r][f] = rfm;
                    }
                }
            }
            for (String key : new String[] {"RFM\t" + orNone(rfm), "ABC\t" + orNone(abc),
                "LIFECYCLE\t" + orNone(lifecycle)}) {
                sizes.merge(key, 1, Integer::sum);
                sizeCents.merge(key, cents, Long::sum);
            }
        }

        /**
         * The share of the positive revenue of the active customers that the top {@code i / PARETO_POINTS} of them
         * bring, by monetary value, for i = 0 to {@link #PARETO_POINTS}.
         */
        double[] pareto() {
            long[] values = Arrays.copyOf(monetary, active);
            Arrays.sort(values);
            long total = 0;
            for (long v : values) {
                total += Math.max(v, 0);
            }
            double[] shares = new double[PARETO_POINTS + 1];
            long cumulative = 0;
            int taken = 0;
            for (int i = 1; i <= PARETO_POINTS; i++) {
                int upTo = (int) Math.ceil((double) active * i / PARETO_POINTS);
                while (taken < upTo) {
                    cumulative += Math.max(values[active - 1 - taken], 0);
                    taken++;
                }
                shares[i] = total == 0 ? 0 : (double) cumulative / total;
            }
            return shares;
        }
    }
}
