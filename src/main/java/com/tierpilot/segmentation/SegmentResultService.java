package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
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

    SegmentResultService(JdbcClient jdbc, SegmentationRunRepository runs) {
        this.jdbc = jdbc;
        this.runs = runs;
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
        sizes.sort(Comparator.comparing(SegmentSize::scheme).thenComparingInt(SegmentResultService::rank)
                .thenComparing(SegmentSize::segment));
        return sizes;
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
