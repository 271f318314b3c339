package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.CustomerSegmentation;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RuleGradeSql;
import com.tierpilot.segmentation.TimelineEntry;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read models of a run's results: segment sizes (stored per run, or counted from the per-customer results for a
 * data scope), rule segment names, a customer's segmentation and timeline.
 */
@Repository
public class SegmentResultQueries {

    /** A segment's customers and revenue in a run; the key is "scheme/segment". */
    public record SegmentCount(String scheme, String segment, int customers, BigDecimal revenue) {

        public String key() {
            return scheme + "/" + segment;
        }
    }

    private static final String JOIN_CUSTOMER = " join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id";

    private final JdbcClient jdbc;
    private final RuleGradeSql grades;

    SegmentResultQueries(JdbcClient jdbc, RuleGradeSql grades) {
        this.jdbc = jdbc;
        this.grades = grades;
    }

    /** The sizes the run stored, per scheme and segment, in scheme and segment order. */
    public List<SegmentCount> storedSizes(TenantId tenant, long run) {
        return jdbc.sql("select scheme, segment, customers, revenue from segment_size where tenant_id = ? and run_id = ?"
                + " order by scheme, segment").params(tenant.value(), run)
                .query((rs, i) -> new SegmentCount(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    /** The rule segments' names by key. */
    public Map<String, String> ruleNames(TenantId tenant) {
        Map<String, String> ruleNames = new HashMap<>();
        jdbc.sql("select seg_key, name from rule_segment where tenant_id = ?").param(tenant.value())
                .query(rs -> {
                    ruleNames.put(rs.getString(1), rs.getString(2));
                });
        return ruleNames;
    }

    /** The run's revenue of the customers the scope reaches, counting only customers with a positive one. */
    public BigDecimal positiveRevenue(TenantId tenant, long run, DataScope scope) {
        if (scope.all()) {
            return jdbc.sql("select coalesce(sum(case when monetary > 0 then monetary else 0 end), 0)"
                    + " from customer_segment where tenant_id = ? and run_id = ?").params(tenant.value(), run)
                    .query(BigDecimal.class).single();
        }
        return jdbc.sql("select coalesce(sum(case when s.monetary > 0 then s.monetary else 0 end), 0)"
                + " from customer_segment s" + JOIN_CUSTOMER
                + " where s.tenant_id = ? and s.run_id = ?" + scope.and("c.account_manager_id"))
                .params(params(tenant, run, scope)).query(BigDecimal.class).single();
    }

    /**
     * Customers and revenue per prospect grade (scheme GRADE) among the run's customers that the scope reaches, as
     * graded now; customers without a grade are left out.
     */
    public List<SegmentCount> gradeSizes(TenantId tenant, long run, DataScope scope) {
        return jdbc.sql("select x.grade, count(*), coalesce(sum(x.monetary), 0) from (select "
                + grades.grade("s.tenant_id", "s.customer_id") + " as grade, s.monetary from customer_segment s"
                + JOIN_CUSTOMER + " where s.tenant_id = ? and s.run_id = ?" + scope.and("c.account_manager_id")
                + ") x where x.grade is not null group by x.grade order by x.grade")
                .params(params(tenant, run, scope))
                .query((rs, i) -> new SegmentCount("GRADE", rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Customers and revenue per segment of every scheme (rule segments included) among the run's customers that the scope reaches. */
    public Map<String, SegmentCount> scopedSizes(TenantId tenant, long run, DataScope scope) {
        Map<String, SegmentCount> sizes = new HashMap<>();
        List<Object> params = params(tenant, run, scope);
        String where = " where s.tenant_id = ? and s.run_id = ?" + scope.and("c.account_manager_id");
        jdbc.sql("select s.rfm_segment, s.abc_tier, s.lifecycle, count(*), coalesce(sum(s.monetary), 0)"
                + " from customer_segment s" + JOIN_CUSTOMER + where
                + " group by s.rfm_segment, s.abc_tier, s.lifecycle")
                .params(params)
                .query(rs -> {
                    String[] schemes = {"RFM", "ABC", "LIFECYCLE"};
                    for (int i = 0; i < schemes.length; i++) {
                        String segment = rs.getString(1 + i);
                        if (segment != null) {
                            add(sizes, new SegmentCount(schemes[i], segment, rs.getInt(4), rs.getBigDecimal(5)));
                        }
                    }
                });
        jdbc.sql("select r.seg_key, count(*), coalesce(sum(s.monetary), 0) from rule_segment_member m"
                + " join rule_segment r on r.tenant_id = m.tenant_id and r.id = m.segment_id"
                + " join customer_segment s on s.tenant_id = m.tenant_id and s.run_id = m.run_id"
                + " and s.customer_id = m.customer_id" + JOIN_CUSTOMER + where + " group by r.seg_key")
                .params(params)
                .query(rs -> {
                    add(sizes, new SegmentCount("RULE", rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)));
                });
        return sizes;
    }

    /** The customer's metrics and segments in the run, if the run scored them. */
    public Optional<CustomerSegmentation> customer(TenantId tenant, long run, LocalDate asOf, long customerId) {
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

    /** The customer's moves between segments, oldest first, with the dates of the runs that saw them. */
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

    private static List<Object> params(TenantId tenant, long run, DataScope scope) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), run));
        params.addAll(scope.params());
        return params;
    }

    private static void add(Map<String, SegmentCount> sizes, SegmentCount count) {
        sizes.merge(count.key(), count, (a, b) -> new SegmentCount(a.scheme(), a.segment(),
                a.customers() + b.customers(), a.revenue().add(b.revenue())));
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
