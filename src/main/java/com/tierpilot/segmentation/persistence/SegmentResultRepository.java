package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.base.persistence.BulkInsert;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import com.tierpilot.segmentation.engine.ScoredCustomers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Repository;

/**
 * Writes a run's results under its run id, where no reader looks until the run is published: every customer's
 * metrics and segments (bulk-loaded on MySQL, batched elsewhere), the segment sizes and, compared with the run
 * before, the changes.
 */
@Repository
public class SegmentResultRepository {

    private static final List<String> COLUMNS = List.of("tenant_id", "run_id", "customer_id", "recency_days",
            "frequency", "monetary", "r_score", "f_score", "m_score", "rfm_segment", "abc_tier", "lifecycle",
            "first_order", "last_order", "orders_total");

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;

    SegmentResultRepository(JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Writes every customer's row of the run; {@code bulkDir} null means batched inserts. */
    public void writeCustomers(TenantId tenant, long run, ScoredCustomers scored, @Nullable Path bulkDir) {
        BulkInsert.insert(jdbc, tenant, run, "customer_segment", COLUMNS, scored.size(), i -> row(tenant, run, scored, i),
                bulkDir);
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

    /**
     * Sizes and revenue of every segment of the built-in schemes in the run, summed from the scored customers in
     * memory (a handful of rows), and of the rule segments from their members.
     */
    public void writeSizes(TenantId tenant, long run, ScoredCustomers scored) {
        Map<String, long[]> sizes = new TreeMap<>();
        CustomerMetrics m = scored.metrics();
        for (int i = 0; i < scored.size(); i++) {
            for (Scheme scheme : Scheme.values()) {
                String segment = scheme.segment(scored, i);
                if (segment != null) {
                    long[] size = sizes.computeIfAbsent(scheme.name() + "\t" + segment, k -> new long[2]);
                    size[0]++;
                    size[1] += m.monetaryCents(i);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(sizes.size());
        sizes.forEach((key, size) -> {
            String[] parts = key.split("\t", 2);
            rows.add(new Object[] {tenant.value(), run, parts[0], parts[1], size[0], BigDecimal.valueOf(size[1], 2)});
        });
        jdbc.batchUpdate("insert into segment_size (tenant_id, run_id, scheme, segment, customers, revenue)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
        writeRuleSizes(tenant, run);
    }

    /** Sizes and revenue of the rule segments in the run, from their members. */
    public void writeRuleSizes(TenantId tenant, long run) {
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

    /**
     * Compares the scored customers with the previous run's segments: both are walked in customer id order, the
     * previous run's rows streamed, so that only the changes are written instead of joining two full runs in SQL.
     * Customers who were not in the previous run count as changes from nothing; customers deleted since are
     * ignored. Must run outside a transaction: the streamed rows occupy their connection on MySQL.
     */
    public Changes compare(TenantId tenant, long previous, ScoredCustomers scored) {
        Changes changes = new Changes();
        CustomerMetrics m = scored.metrics();
        jdbc.query(dialect.streaming("select customer_id, rfm_segment, abc_tier, lifecycle from customer_segment"
                + " where tenant_id = ? and run_id = ? order by customer_id", tenant.value(), previous),
                (ResultSetExtractor<Void>) before -> {
            boolean more = before.next();
            for (int i = 0; i < scored.size(); i++) {
                long id = m.id(i);
                while (more && before.getLong(1) < id) {
                    more = before.next();
                }
                boolean found = more && before.getLong(1) == id;
                for (Scheme scheme : Scheme.values()) {
                    String from = found ? before.getString(scheme.column) : null;
                    String to = scheme.segment(scored, i);
                    if (!Objects.equals(from, to)) {
                        changes.add(i, scheme, from);
                    }
                }
            }
            return null;
        });
        return changes;
    }

    /** Writes the changes found by {@link #compare}; {@code bulkDir} null means batched inserts. */
    public int writeChanges(TenantId tenant, long run, ScoredCustomers scored, Changes changes,
            @Nullable Path bulkDir) {
        BulkInsert.insert(jdbc, tenant, run, "segment_change", List.of("tenant_id", "run_id", "customer_id", "scheme", "from_segment",
                "to_segment"), changes.size(), k -> changes.row(tenant, run, scored, k), bulkDir);
        return changes.size();
    }

    /** The built-in schemes, with their column and the segment a scored customer falls in. */
    private enum Scheme {
        RFM("rfm_segment"), ABC("abc_tier"), LIFECYCLE("lifecycle");

        final String column;

        Scheme(String column) {
            this.column = column;
        }

        @Nullable String segment(ScoredCustomers scored, int i) {
            return switch (this) {
                case RFM -> scored.segment(i) == null ? null : scored.segment(i).key();
                case ABC -> scored.tier(i) == null ? null : scored.tier(i).name();
                case LIFECYCLE -> scored.stage(i).key();
            };
        }
    }

    /**
     * The changes of a run, compactly: the customer's index in the scored customers, the scheme and the segment
     * before (one of a few dozen shared strings), so that even a run that moves every customer stays small.
     */
    public static final class Changes {
        private int[] customer = new int[1024];
        private byte[] scheme = new byte[1024];
        private @Nullable String[] from = new String[1024];
        private final Map<String, String> shared = new HashMap<>();
        private int size;

        void add(int index, Scheme of, @Nullable String before) {
            if (size == customer.length) {
                customer = Arrays.copyOf(customer, size * 2);
                scheme = Arrays.copyOf(scheme, size * 2);
                from = Arrays.copyOf(from, size * 2);
            }
            customer[size] = index;
            scheme[size] = (byte) of.ordinal();
            from[size] = before == null ? null : shared.computeIfAbsent(before, b -> b);
            size++;
        }

        public int size() {
            return size;
        }

        Object[] row(TenantId tenant, long run, ScoredCustomers scored, int k) {
            Scheme of = Scheme.values()[scheme[k]];
            int i = customer[k];
            return new Object[] {tenant.value(), run, scored.metrics().id(i), of.name(), from[k],
                of.segment(scored, i)};
        }
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
