package com.tierpilot.prediction.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.BulkInsert;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.prediction.PredictionOutlook;
import com.tierpilot.prediction.engine.BgNbd;
import com.tierpilot.prediction.engine.GammaGamma;
import com.tierpilot.prediction.engine.Predictions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's prediction settings, its latest model, and each customer's predictions. */
@Repository
public class PredictionRepository {

    private static final List<String> COLUMNS = List.of("tenant_id", "customer_id", "p_alive", "expected_90d",
            "average_spend", "clv_12m");

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;

    PredictionRepository(JdbcClient sql, JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The tenant's settings: the monthly discount rate and the churn threshold, or empty for the defaults. */
    public Optional<BigDecimal[]> settings(TenantId tenant) {
        return sql.sql("select monthly_discount, churn_threshold from prediction_settings where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).optional();
    }

    public void saveSettings(TenantId tenant, BigDecimal monthlyDiscount, BigDecimal churnThreshold, Instant now) {
        int updated = sql.sql("update prediction_settings set monthly_discount = ?, churn_threshold = ?,"
                + " updated_at = ? where tenant_id = ?")
                .params(monthlyDiscount, churnThreshold, Timestamp.from(now), tenant.value()).update();
        if (updated == 0) {
            sql.sql("insert into prediction_settings (tenant_id, monthly_discount, churn_threshold, updated_at)"
                    + " values (?, ?, ?, ?)")
                    .params(tenant.value(), monthlyDiscount, churnThreshold, Timestamp.from(now)).update();
        }
    }

    /**
     * Replaces the tenant's model and every customer's predictions; call inside one transaction. The sample
     * customers are locked first, so that a removal of the sample data (which locks them too) and this write follow
     * each other, and rows of customers that a removal took away meanwhile are not kept.
     */
    public void replace(TenantId tenant, StoredModel model, long runId, long[] customerIds, Predictions predictions,
            @Nullable Path bulkDir) {
        sql.sql("select id from customer where tenant_id = ? and sample = true for update").param(tenant.value())
                .query(Long.class).list();
        sql.sql("delete from prediction_model where tenant_id = ?").param(tenant.value()).update();
        sql.sql("""
                insert into prediction_model (tenant_id, as_of, fitted, customers, repeat_buyers, bg_r, bg_alpha,
                       bg_a, bg_b, bg_log_lik, gg_p, gg_q, gg_v, gg_log_lik, monthly_discount, computed_at, took_ms)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), model.asOf(), model.fitted(), model.customers(), model.repeatBuyers(),
                        model.purchases().r(), model.purchases().alpha(), model.purchases().a(),
                        model.purchases().b(), finite(model.purchases().logLikelihood()), model.spend().p(),
                        model.spend().q(), model.spend().v(), finite(model.spend().logLikelihood()),
                        model.monthlyDiscount(), Timestamp.from(model.computedAt()), model.tookMillis())
                .update();
        recordMoves(tenant, model.asOf(), runId, customerIds, predictions);
        sql.sql("delete from customer_prediction where tenant_id = ?").param(tenant.value()).update();
        BulkInsert.insert(jdbc, tenant, tenant.value(), "customer_prediction", COLUMNS, predictions.size(),
                i -> row(tenant, customerIds, predictions, i), bulkDir);
        sql.sql("""
                delete from customer_prediction
                 where tenant_id = ?
                   and not exists (select 1 from customer c
                                    where c.tenant_id = ? and c.id = customer_prediction.customer_id)""")
                .params(tenant.value(), tenant.value()).update();
    }

    /**
     * Counts how the customers' P(alive) moved from the stored predictions to the new ones, in whole percents, into
     * {@code palive_move} for the as-of date and the recompute {@code runId}: the stored ones stream in customer
     * order and are merged with the new ones sorted the same way, so nothing of the size of the company is held but
     * the new predictions. A run's moves are recorded once, by its first prediction of that date: a later one after
     * the same run (the refit after the sample data is removed, "predict now" again) would compare with itself and
     * keeps them. Readers take the latest run of a date; removing the sample removes the moves of its runs.
     */
    private void recordMoves(TenantId tenant, LocalDate asOf, long runId, long[] customerIds,
            Predictions predictions) {
        if (sql.sql("select count(*) from palive_move where tenant_id = ? and as_of = ? and run_id = ?")
                .params(tenant.value(), asOf, runId).query(Integer.class).single() > 0) {
            return;
        }
        // Each new prediction as customer id × 128 + percent (0..100): one primitive sort orders them by customer.
        long[] next = new long[customerIds.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = customerIds[i] * 128 + percent(scale(predictions.pAlive(i), 6));
        }
        Arrays.sort(next);
        int[][] moves = new int[102][101]; // [from percent + 1, 0 for no prediction before][to percent]
        int[] at = {0};
        jdbc.query(dialect.streaming("select customer_id, p_alive from customer_prediction where tenant_id = ?"
                + " order by customer_id", tenant.value()), rs -> {
            long customer = rs.getLong(1);
            while (at[0] < next.length && next[at[0]] / 128 < customer) {
                moves[0][(int) (next[at[0]++] % 128)]++;
            }
            if (at[0] < next.length && next[at[0]] / 128 == customer) {
                moves[percent(rs.getBigDecimal(2)) + 1][(int) (next[at[0]++] % 128)]++;
            }
        });
        while (at[0] < next.length) {
            moves[0][(int) (next[at[0]++] % 128)]++;
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int from = 0; from < moves.length; from++) {
            for (int to = 0; to < moves[from].length; to++) {
                if (moves[from][to] > 0) {
                    rows.add(new Object[] {tenant.value(), asOf, runId, from - 1, to, moves[from][to]});
                }
            }
        }
        jdbc.batchUpdate("insert into palive_move (tenant_id, as_of, run_id, from_pct, to_pct, customers)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * A stored P(alive) (six decimals) in whole percents, rounded down: under a threshold of N% exactly when the
     * percent is under N.
     */
    private static int percent(BigDecimal pAlive) {
        return Math.max(0, Math.min(100, pAlive.movePointRight(2).intValue()));
    }

    private static Object[] row(TenantId tenant, long[] ids, Predictions p, int i) {
        return new Object[] {tenant.value(), ids[i], scale(p.pAlive(i), 6), scale(p.expectedPurchases90d(i), 4),
            scale(p.averageSpend(i), 2), scale(p.clv12m(i), 2)};
    }

    private static BigDecimal scale(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }

    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public Optional<StoredModel> model(TenantId tenant) {
        return sql.sql("""
                select as_of, fitted, customers, repeat_buyers, bg_r, bg_alpha, bg_a, bg_b, bg_log_lik, gg_p, gg_q,
                       gg_v, gg_log_lik, monthly_discount, computed_at, took_ms
                  from prediction_model where tenant_id = ?""").param(tenant.value())
                .query((rs, i) -> new StoredModel(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getInt(3),
                        rs.getInt(4), new BgNbd(rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                                orNaN(rs.getObject(9))), new GammaGamma(rs.getDouble(10), rs.getDouble(11),
                                rs.getDouble(12), orNaN(rs.getObject(13))), rs.getBigDecimal(14),
                        rs.getTimestamp(15).toInstant(), rs.getLong(16)))
                .optional();
    }

    private static double orNaN(@Nullable Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    /** One customer's stored predictions: P(alive), expected purchases in 90 days, spend per purchase, CLV. */
    public Optional<BigDecimal[]> forCustomer(TenantId tenant, long customerId) {
        return sql.sql("select p_alive, expected_90d, average_spend, clv_12m from customer_prediction"
                + " where tenant_id = ? and customer_id = ?").params(tenant.value(), customerId)
                .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                    rs.getBigDecimal(4)}).optional();
    }

    /** A tenant's model as stored. */
    /**
     * The distribution of the latest predictions (P(alive) in tenths, expected 90-day purchases rounded, capped at
     * five) and the {@code top} customers with the most value at risk.
     */
    public PredictionOutlook outlook(TenantId tenant, int top) {
        int[] tenths = new int[10];
        int[] purchases = new int[6];
        sql.sql("""
                select least(floor(p_alive * 10), 9), least(floor(expected_90d + 0.5), 5), count(*)
                  from customer_prediction where tenant_id = ?
                 group by least(floor(p_alive * 10), 9), least(floor(expected_90d + 0.5), 5)""")
                .param(tenant.value())
                .query(rs -> {
                    tenths[rs.getInt(1)] += rs.getInt(3);
                    purchases[rs.getInt(2)] += rs.getInt(3);
                });
        List<PredictionOutlook.AtRisk> atRisk = sql.sql("""
                select c.code, c.name, p.p_alive, p.clv_12m, (1 - p.p_alive) * p.clv_12m as value_at_risk
                  from customer_prediction p join customer c on c.tenant_id = p.tenant_id and c.id = p.customer_id
                 where p.tenant_id = ? order by value_at_risk desc, c.id limit ?""")
                .params(tenant.value(), top)
                .query((rs, i) -> new PredictionOutlook.AtRisk(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
        return new PredictionOutlook(tenths, purchases, atRisk);
    }

    public record StoredModel(LocalDate asOf, boolean fitted, int customers, int repeatBuyers, BgNbd purchases,
            GammaGamma spend, BigDecimal monthlyDiscount, Instant computedAt, long tookMillis) {
    }
}
