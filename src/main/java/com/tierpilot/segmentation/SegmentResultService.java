package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import com.tierpilot.base.security.DataScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the results of a tenant's current run. Each method resolves the current run once, so what it returns is
 * all from one complete run, even while the next run is being written or published.
 */
@Service
@Transactional(readOnly = true)
public class SegmentResultService {

    private final JdbcClient jdbc;
    private final SegmentationRunRepository runs;
    private final RuleGradeSql grades;

    SegmentResultService(JdbcClient jdbc, SegmentationRunRepository runs, RuleGradeSql grades) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.grades = grades;
    }

    /**
     * The prospects' A-E grades (issue 20) as a scheme, {@code GRADE}, among the current run's customers the scope
     * reaches: customers and revenue per grade as graded now (grades are computed every night, not per run), no
     * change since the previous run.
     */
    private List<SegmentSize> gradeSizes(TenantId tenant, long run, DataScope scope, BigDecimal total) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), run));
        params.addAll(scope.params());
        return jdbc.sql("select x.grade, count(*), coalesce(sum(x.monetary), 0) from (select "
                + grades.grade("s.tenant_id", "s.customer_id") + " as grade, s.monetary from customer_segment s"
                + " join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id"
                + " where s.tenant_id = ? and s.run_id = ?" + scope.and("c.account_manager_id")
                + ") x where x.grade is not null group by x.grade order by x.grade")
                .params(params)
                .query((rs, i) -> new SegmentSize("GRADE", rs.getString(1), rs.getString(1), rs.getInt(2),
                        rs.getBigDecimal(3), total.signum() == 0 ? 0 : rs.getBigDecimal(3).max(BigDecimal.ZERO)
                                .doubleValue() / total.doubleValue(), null))
                .list();
    }

    /** Every segment of every scheme in the current run, with its revenue share and its change since the last run. */
    public List<SegmentSize> sizes(TenantId tenant) {
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty()) {
            return List.of();
        }
        long current = state.get().current();
        Long previous = state.get().previous();
        Map<String, Integer> before = new HashMap<>();
        if (previous != null) {
            jdbc.sql("select scheme, segment, customers from segment_size where tenant_id = ? and run_id = ?")
                    .params(tenant.value(), previous)
                    .query(rs -> {
                        before.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
                    });
        }
        Map<String, String> ruleNames = new HashMap<>();
        jdbc.sql("select seg_key, name from rule_segment where tenant_id = ?").param(tenant.value())
                .query(rs -> {
                    ruleNames.put(rs.getString(1), rs.getString(2));
                });
        BigDecimal total = jdbc.sql("select coalesce(sum(case when monetary > 0 then monetary else 0 end), 0)"
                + " from customer_segment where tenant_id = ? and run_id = ?").params(tenant.value(), current)
                .query(BigDecimal.class).single();
        List<SegmentSize> sizes = new ArrayList<>();
        jdbc.sql("select scheme, segment, customers, revenue from segment_size where tenant_id = ? and run_id = ?"
                + " order by scheme, segment").params(tenant.value(), current)
                .query(rs -> {
                    String scheme = rs.getString(1);
                    String segment = rs.getString(2);
                    int customers = rs.getInt(3);
                    BigDecimal revenue = rs.getBigDecimal(4);
                    Integer was = previous == null ? null : before.getOrDefault(scheme + "/" + segment, 0);
                    double share = total.signum() == 0 ? 0 : revenue.max(BigDecimal.ZERO).doubleValue()
                            / total.doubleValue();
                    sizes.add(new SegmentSize(scheme, segment, "RULE".equals(scheme)
                            ? ruleNames.getOrDefault(segment, segment) : segment, customers, revenue, share,
                            was == null ? null : customers - was));
                });
        sizes.addAll(gradeSizes(tenant, current, DataScope.ALL, total));
        sizes.sort(Comparator.comparing(SegmentSize::scheme).thenComparingInt(SegmentResultService::rank)
                .thenComparing(SegmentSize::segment));
        return sizes;
    }

    /**
     * {@link #sizes(TenantId)} as the scope sees it (issue 20, data scope): for an account manager, the segments'
     * customers and revenue are of their own customers and the shared pool's, counted when read from the current
     * and previous runs' per-customer results; the rule segments from their members.
     */
    public List<SegmentSize> sizes(TenantId tenant, DataScope scope) {
        if (scope.all()) {
            return sizes(tenant);
        }
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty()) {
            return List.of();
        }
        Map<String, String> ruleNames = new HashMap<>();
        jdbc.sql("select seg_key, name from rule_segment where tenant_id = ?").param(tenant.value())
                .query(rs -> {
                    ruleNames.put(rs.getString(1), rs.getString(2));
                });
        Map<String, BigDecimal[]> now = scopedSizes(tenant, state.get().current(), scope);
        Map<String, BigDecimal[]> before = state.get().previous() == null ? null
                : scopedSizes(tenant, state.get().previous(), scope);
        List<Object> params = new ArrayList<>(List.of(tenant.value(), state.get().current()));
        params.addAll(scope.params());
        BigDecimal total = jdbc.sql("select coalesce(sum(case when s.monetary > 0 then s.monetary else 0 end), 0)"
                + " from customer_segment s join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id"
                + " where s.tenant_id = ? and s.run_id = ?" + scope.and("c.account_manager_id")).params(params)
                .query(BigDecimal.class).single();
        List<SegmentSize> sizes = new ArrayList<>();
        now.forEach((key, size) -> {
            String[] parts = key.split("/", 2);
            int customers = size[0].intValue();
            Integer was = before == null ? null : before.containsKey(key) ? before.get(key)[0].intValue() : 0;
            sizes.add(new SegmentSize(parts[0], parts[1], "RULE".equals(parts[0])
                    ? ruleNames.getOrDefault(parts[1], parts[1]) : parts[1], customers, size[1],
                    total.signum() == 0 ? 0 : size[1].max(BigDecimal.ZERO).doubleValue() / total.doubleValue(),
                    was == null ? null : customers - was));
        });
        sizes.addAll(gradeSizes(tenant, state.get().current(), scope, total));
        sizes.sort(Comparator.comparing(SegmentSize::scheme).thenComparingInt(SegmentResultService::rank)
                .thenComparing(SegmentSize::segment));
        return sizes;
    }

    /** Customers and revenue per "scheme/segment" of a run, of the customers the scope reaches. */
    private Map<String, BigDecimal[]> scopedSizes(TenantId tenant, long run, DataScope scope) {
        Map<String, BigDecimal[]> sizes = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(tenant.value(), run));
        params.addAll(scope.params());
        String join = " join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id";
        String where = " where s.tenant_id = ? and s.run_id = ?" + scope.and("c.account_manager_id");
        jdbc.sql("select s.rfm_segment, s.abc_tier, s.lifecycle, count(*), coalesce(sum(s.monetary), 0)"
                + " from customer_segment s" + join + where + " group by s.rfm_segment, s.abc_tier, s.lifecycle")
                .params(params)
                .query(rs -> {
                    String[] schemes = {"RFM", "ABC", "LIFECYCLE"};
                    for (int i = 0; i < schemes.length; i++) {
                        String segment = rs.getString(1 + i);
                        if (segment != null) {
                            add(sizes, schemes[i] + "/" + segment, rs.getInt(4), rs.getBigDecimal(5));
                        }
                    }
                });
        jdbc.sql("select r.seg_key, count(*), coalesce(sum(s.monetary), 0) from rule_segment_member m"
                + " join rule_segment r on r.tenant_id = m.tenant_id and r.id = m.segment_id"
                + " join customer_segment s on s.tenant_id = m.tenant_id and s.run_id = m.run_id"
                + " and s.customer_id = m.customer_id" + join + where + " group by r.seg_key")
                .params(params)
                .query(rs -> {
                    add(sizes, "RULE/" + rs.getString(1), rs.getInt(2), rs.getBigDecimal(3));
                });
        return sizes;
    }

    private static void add(Map<String, BigDecimal[]> sizes, String key, int customers, BigDecimal revenue) {
        BigDecimal[] size = sizes.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        size[0] = size[0].add(BigDecimal.valueOf(customers));
        size[1] = size[1].add(revenue);
    }

    /**
     * Where a segment stands in its scheme: RFM segments in the map's order (Champions first), lifecycle stages in
     * their order, the others (ABC tiers, rule segments) by key (issue 17, item 8).
     */
    static int rank(SegmentSize size) {
        try {
            return switch (size.scheme()) {
                case "RFM" -> RfmSegment.ofKey(size.segment()).ordinal();
                case "LIFECYCLE" -> LifecycleStage.ofKey(size.segment()).ordinal();
                default -> 0;
            };
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    /** The customer's metrics and segments in the current run. */
    public Optional<CustomerSegmentation> forCustomer(TenantId tenant, long customerId) {
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        long run = state.get().current();
        var asOf = runs.find(tenant, run).orElseThrow().asOf();
        List<String> rules = jdbc.sql("""
                select r.seg_key from rule_segment_member m join rule_segment r
                    on r.tenant_id = m.tenant_id and r.id = m.segment_id
                 where m.tenant_id = ? and m.run_id = ? and m.customer_id = ? order by r.seg_key""")
                .params(tenant.value(), run, customerId).query(String.class).list();
        return jdbc.sql("select * from customer_segment where tenant_id = ? and run_id = ? and customer_id = ?")
                .params(tenant.value(), run, customerId)
                .query((rs, i) -> new CustomerSegmentation(asOf, nullableInt(rs, "recency_days"),
                        rs.getInt("frequency"), rs.getBigDecimal("monetary"), nullableInt(rs, "r_score"),
                        nullableInt(rs, "f_score"), nullableInt(rs, "m_score"),
                        rs.getString("rfm_segment") == null ? null : RfmSegment.ofKey(rs.getString("rfm_segment")),
                        rs.getString("abc_tier") == null ? null : AbcTier.valueOf(rs.getString("abc_tier")),
                        LifecycleStage.ofKey(rs.getString("lifecycle")), rules))
                .optional();
    }

    /** The customer's moves between segments, oldest first, with the run dates they were seen at. */
    public List<TimelineEntry> timeline(TenantId tenant, long customerId) {
        return jdbc.sql("""
                select r.as_of, c.scheme, c.from_segment, c.to_segment
                  from segment_change c
                  join segmentation_run r on r.tenant_id = c.tenant_id and r.id = c.run_id
                 where c.tenant_id = ? and c.customer_id = ? and r.status = 'SUCCEEDED'
                 order by r.as_of, r.id, c.scheme""")
                .params(tenant.value(), customerId)
                .query((rs, i) -> new TimelineEntry(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
