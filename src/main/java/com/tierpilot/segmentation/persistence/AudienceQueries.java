package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.AudienceQuery;
import com.tierpilot.segmentation.RuleGradeSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An {@link AudienceQuery} against one run's results, in one set-based SQL statement whose values are all bound
 * parameters: what campaigns aim at.
 */
@Repository
public class AudienceQueries {

    private final JdbcClient jdbc;
    private final RuleGradeSql grades;

    AudienceQueries(JdbcClient jdbc, RuleGradeSql grades) {
        this.jdbc = jdbc;
        this.grades = grades;
    }

    /** How many of the run's customers the audience has. */
    public int count(TenantId tenant, long run, AudienceQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(tenant, run, query, params);
        return jdbc.sql("select count(*) from customer_segment cs where " + where).params(params)
                .query(Integer.class).single();
    }

    /** Passes every customer id of the audience in the run, in ascending order, to the consumer. */
    public void forEachCustomer(TenantId tenant, long run, AudienceQuery query, LongConsumer consumer) {
        Map<String, Object> params = new HashMap<>();
        String where = where(tenant, run, query, params);
        jdbc.sql("select cs.customer_id from customer_segment cs where " + where + " order by cs.customer_id")
                .params(params).query(rs -> {
                    consumer.accept(rs.getLong(1));
                });
    }

    /** The WHERE clause; every value is a bound parameter, only the shape depends on the query. */
    private String where(TenantId tenant, long run, AudienceQuery query, Map<String, Object> params) {
        params.put("tenant", tenant.value());
        params.put("run", run);
        StringBuilder sql = new StringBuilder("cs.tenant_id = :tenant and cs.run_id = :run and (")
                .append(any(query.include(), "in", params)).append(')');
        if (!query.exclude().isEmpty()) {
            sql.append(" and not (").append(any(query.exclude(), "ex", params)).append(')');
        }
        if (query.requiredRule() != null) {
            params.put("required", query.requiredRule());
            sql.append(" and ").append(inRules(":required"));
        }
        return sql.toString();
    }

    /** "In any of these segments", grouped per scheme. */
    private String any(List<String> refs, String prefix, Map<String, Object> params) {
        Map<String, List<String>> byScheme = new HashMap<>();
        for (String ref : refs) {
            byScheme.computeIfAbsent(AudienceQuery.scheme(ref), s -> new ArrayList<>()).add(AudienceQuery.key(ref));
        }
        List<String> parts = new ArrayList<>();
        byScheme.forEach((scheme, keys) -> {
            String name = prefix + "_" + scheme.toLowerCase(java.util.Locale.ROOT);
            params.put(name, keys);
            parts.add(switch (scheme) {
                case "RFM" -> "cs.rfm_segment in (:" + name + ")";
                case "ABC" -> "cs.abc_tier in (:" + name + ")";
                case "LIFECYCLE" -> "cs.lifecycle in (:" + name + ")";
                // Ungraded customers compare as '-', so that "not in grade A" keeps them (null would drop them).
                case "GRADE" -> "coalesce(" + grades.grade("cs.tenant_id", "cs.customer_id") + ", '-') in (:" + name
                        + ")";
                default -> inRules("(:" + name + ")");
            });
        });
        return String.join(" or ", parts);
    }

    private static String inRules(String keys) {
        return """
                exists (select 1 from rule_segment_member m join rule_segment r
                            on r.tenant_id = m.tenant_id and r.id = m.segment_id
                         where m.tenant_id = cs.tenant_id and m.run_id = cs.run_id and m.customer_id = cs.customer_id
                           and r.seg_key in %s)""".formatted(keys.startsWith("(") ? keys : "(" + keys + ")");
    }
}
