package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.LocalInfile;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import com.tierpilot.segmentation.engine.ScoredCustomers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes a run's results under its run id, where no reader looks until the run is published: every customer's
 * metrics and segments (bulk-loaded on MySQL, batched elsewhere), the segment sizes and, compared with the run
 * before, the changes.
 */
@Repository
public class ResultWriter {

    private static final List<String> COLUMNS = List.of("tenant_id", "run_id", "customer_id", "recency_days",
            "frequency", "monetary", "r_score", "f_score", "m_score", "rfm_segment", "abc_tier", "lifecycle",
            "first_order", "last_order", "orders_total");
    private static final int BATCH = 5000;

    private final JdbcTemplate jdbc;

    ResultWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes every customer's row of the run; {@code bulkDir} null means batched inserts. */
    public void writeCustomers(TenantId tenant, long run, ScoredCustomers scored, @Nullable Path bulkDir) {
        if (bulkDir != null) {
            try (LocalInfile file = new LocalInfile(bulkDir, "customer_segment", COLUMNS, run)) {
                for (int i = 0; i < scored.size(); i++) {
                    file.append(row(tenant, run, scored, i));
                }
                file.load(jdbc, tenant);
            }
            return;
        }
        String sql = "insert into customer_segment (" + String.join(", ", COLUMNS) + ") values ("
                + "?, ".repeat(COLUMNS.size() - 1) + "?)";
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < scored.size(); i++) {
            batch.add(row(tenant, run, scored, i));
            if (batch.size() == BATCH) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(sql, batch);
        }
    }

    private static Object[] row(TenantId tenant, long run, ScoredCustomers s, int i) {
        CustomerMetrics m = s.metrics();
        boolean scored = m.scored(i);
        return new Object[] {tenant.value(), run, m.id(i), s.recencyDays(i), m.frequency(i),
            BigDecimal.valueOf(m.monetaryCents(i), 2), scored ? s.r(i) : null, scored ? s.f(i) : null,
            scored ? s.m(i) : null, s.segment(i) == null ? null : s.segment(i).key(),
            s.tier(i) == null ? null : s.tier(i).name(), s.stage(i).key(), date(m.firstOrder(i)),
            date(m.lastOrder(i)), m.orders(i)};
    }

    private static @Nullable LocalDate date(int epochDay) {
        return epochDay == CustomerMetrics.NONE ? null : LocalDate.ofEpochDay(epochDay);
    }

    /** Sizes and revenue of every segment of the built-in schemes in the run. */
    public void writeSizes(TenantId tenant, long run) {
        for (String[] scheme : new String[][] {{"RFM", "rfm_segment"}, {"ABC", "abc_tier"},
            {"LIFECYCLE", "lifecycle"}}) {
            jdbc.update("insert into segment_size (tenant_id, run_id, scheme, segment, customers, revenue)"
                    + " select tenant_id, run_id, ?, " + scheme[1] + ", count(*), coalesce(sum(monetary), 0)"
                    + " from customer_segment where tenant_id = ? and run_id = ? and " + scheme[1] + " is not null"
                    + " group by tenant_id, run_id, " + scheme[1], scheme[0], tenant.value(), run);
        }
        jdbc.update("""
                insert into segment_size (tenant_id, run_id, scheme, segment, customers, revenue)
                select m.tenant_id, m.run_id, 'RULE', r.seg_key, count(*), coalesce(sum(s.monetary), 0)
                  from rule_segment_member m
                  join rule_segment r on r.tenant_id = m.tenant_id and r.id = m.segment_id
                  join customer_segment s
                    on s.tenant_id = m.tenant_id and s.run_id = m.run_id and s.customer_id = m.customer_id
                 where m.tenant_id = ? and m.run_id = ?
                 group by m.tenant_id, m.run_id, r.seg_key""", tenant.value(), run);
    }

    /** The customers whose segment changed since the previous run, per scheme; returns how many changes. */
    public int writeChanges(TenantId tenant, long run, long previous) {
        int changes = 0;
        for (String[] scheme : new String[][] {{"RFM", "rfm_segment"}, {"ABC", "abc_tier"},
            {"LIFECYCLE", "lifecycle"}}) {
            changes += jdbc.update("insert into segment_change (tenant_id, run_id, customer_id, scheme, from_segment,"
                    + " to_segment) select n.tenant_id, n.run_id, n.customer_id, ?, o." + scheme[1] + ", n."
                    + scheme[1] + " from customer_segment n left join customer_segment o"
                    + " on o.tenant_id = n.tenant_id and o.run_id = ? and o.customer_id = n.customer_id"
                    + " where n.tenant_id = ? and n.run_id = ?"
                    + " and coalesce(n." + scheme[1] + ", '-') <> coalesce(o." + scheme[1] + ", '-')",
                    scheme[0], previous, tenant.value(), run);
        }
        return changes;
    }

    /** Removes the rows of every run that is neither current nor previous, and of failed runs. */
    public void removeOldRuns(TenantId tenant, long current, @Nullable Long previous) {
        long keep = previous == null ? current : previous;
        for (String table : new String[] {"customer_segment", "rule_segment_member"}) {
            jdbc.update("delete from " + table + " where tenant_id = ? and run_id <> ? and run_id <> ?",
                    tenant.value(), current, keep);
        }
    }

    /** Removes what a failed run wrote. */
    public void removeRun(TenantId tenant, long run) {
        for (String table : new String[] {"customer_segment", "rule_segment_member", "segment_size",
            "segment_change"}) {
            jdbc.update("delete from " + table + " where tenant_id = ? and run_id = ?", tenant.value(), run);
        }
    }
}
