package com.tierpilot.prediction.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.prediction.engine.PurchaseHistories;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Repository;

/**
 * Reads every customer's purchase history up to a date from the completed orders, as the models count it: a day
 * with purchases is one occasion (its spend the sum of the day's orders); x is the number of days after the first;
 * t_x and T are the weeks from the first day to the last one and to the last day observed (the day before
 * {@code asOf}). Streams one row per customer and day, in customer order, over the covering order index.
 * Must not run inside a transaction: on MySQL the streamed rows occupy their connection.
 */
@Repository
public class PurchaseHistoryQueries {

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;

    PurchaseHistoryQueries(JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The histories, and the customer id of each. */
    public Histories read(TenantId tenant, LocalDate asOf) {
        PurchaseHistories histories = new PurchaseHistories();
        long[][] ids = {new long[1024]};
        long lastObserved = asOf.minusDays(1).toEpochDay();
        double[] totals = new double[2];
        jdbc.query(dialect.streaming("""
                select customer_id, order_date, sum(amount) from customer_order
                 where tenant_id = ? and order_date < ? and status = 'COMPLETED'
                 group by customer_id, order_date
                 order by customer_id, order_date""", tenant.value(), Date.valueOf(asOf)),
                (ResultSetExtractor<Void>) rs -> {
            long customer = -1;
            long first = 0;
            long last = 0;
            int days = 0;
            BigDecimal repeatSpend = BigDecimal.ZERO;
            while (rs.next()) {
                long id = rs.getLong(1);
                long day = rs.getDate(2).toLocalDate().toEpochDay();
                BigDecimal spend = rs.getBigDecimal(3);
                totals[0] += spend.doubleValue();
                totals[1]++;
                if (id != customer) {
                    if (customer >= 0) {
                        add(histories, ids, customer, days, first, last, lastObserved, repeatSpend);
                    }
                    customer = id;
                    first = day;
                    days = 0;
                    repeatSpend = BigDecimal.ZERO;
                } else {
                    repeatSpend = repeatSpend.add(spend);
                }
                last = day;
                days++;
            }
            if (customer >= 0) {
                add(histories, ids, customer, days, first, last, lastObserved, repeatSpend);
            }
            return null;
        });
        return new Histories(histories, Arrays.copyOf(ids[0], histories.size()),
                totals[1] == 0 ? 0 : Math.max(0, totals[0] / totals[1]));
    }

    private static void add(PurchaseHistories histories, long[][] ids, long customer, int days, long first, long last,
            long lastObserved, BigDecimal repeatSpend) {
        int x = days - 1;
        int i = histories.size();
        if (i == ids[0].length) {
            ids[0] = Arrays.copyOf(ids[0], i * 2);
        }
        ids[0][i] = customer;
        // A day's refunds are separate orders; a repeat day whose orders were all refunded has no spend left.
        double mean = x == 0 ? 0 : Math.max(0, repeatSpend.doubleValue() / x);
        histories.add(x, (last - first) / 7.0, (lastObserved - first) / 7.0, mean);
    }

    /**
     * The histories, with the customer id of history i at {@code customerIds[i]}, and the mean spend of all
     * purchase days of the tenant.
     */
    public record Histories(PurchaseHistories histories, long[] customerIds, double meanSpendPerDay) {
    }
}
