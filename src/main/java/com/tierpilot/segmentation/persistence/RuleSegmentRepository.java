package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Rule segments (rule_segment, with the rule as JSON) and their members per run (rule_segment_member), computed
 * set-based from a rule's WHERE clause over the customers and their results in the run.
 */
@Repository
public class RuleSegmentRepository {

    private static final String FROM = """
             from customer c
             join customer_segment s on s.tenant_id = c.tenant_id and s.customer_id = c.id and s.run_id = ?
            where c.tenant_id = ? and (%s)""";

    /** A rule segment as stored, its rule still JSON. */
    public record StoredRule(long id, String key, String name, String definition, boolean active, int version) {
    }

    /** A rule's matches in a run against all of the run's customers. */
    public record Matches(int customers, BigDecimal revenue, int totalCustomers, BigDecimal totalRevenue) {
    }

    private final JdbcClient jdbc;

    RuleSegmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's rule segments by name. */
    public List<StoredRule> list(TenantId tenant) {
        return jdbc.sql("select id, seg_key, name, definition, active, version from rule_segment"
                + " where tenant_id = ? order by name").param(tenant.value())
                .query((rs, i) -> new StoredRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6)))
                .list();
    }

    /** The company's distinct customer tags, in alphabetical order, at most {@code limit}. */
    public List<String> tags(TenantId tenant, int limit) {
        return jdbc.sql("select distinct tag from customer_tag where tenant_id = ? order by tag limit " + limit)
                .param(tenant.value()).query(String.class).list();
    }

    /** The names of the company's own customer attributes, in alphabetical order, at most {@code limit}. */
    public List<String> attributeNames(TenantId tenant, int limit) {
        return jdbc.sql("select distinct name from customer_attribute where tenant_id = ? order by name limit "
                + limit).param(tenant.value()).query(String.class).list();
    }

    /** Stores a new, active rule segment; its key is {@code rule_<id>}. Returns the id. */
    public long insert(TenantId tenant, String name, String definition, Instant now) {
        var keys = new GeneratedKeyHolder();
        String provisional = "new_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into rule_segment (tenant_id, seg_key, name, definition, active, created_at, updated_at)"
                + " values (:tenant, :key, :name, :definition, true, :now, :now)")
                .param("tenant", tenant.value()).param("key", provisional).param("name", name)
                .param("definition", definition).param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update rule_segment set seg_key = ? where tenant_id = ? and id = ?")
                .params(key(id), tenant.value(), id).update();
        return id;
    }

    public static String key(long id) {
        return "rule_" + id;
    }

    /** Changes a rule segment if it is still at {@code version}; false when someone changed it meanwhile. */
    public boolean update(TenantId tenant, long id, int version, String name, String definition, boolean active,
            Instant now) {
        return jdbc.sql("update rule_segment set name = ?, definition = ?, active = ?, updated_at = ?,"
                + " version = version + 1 where tenant_id = ? and id = ? and version = ?")
                .params(name, definition, active, Timestamp.from(now), tenant.value(), id, version).update() > 0;
    }

    public void delete(TenantId tenant, long id) {
        jdbc.sql("delete from rule_segment where tenant_id = ? and id = ?").params(tenant.value(), id).update();
    }

    /** How many of the run's customers, and how much revenue, match the WHERE clause; and the run's totals. */
    public Matches matches(TenantId tenant, long run, String where, List<Object> whereParams) {
        var matched = jdbc.sql("select count(*), coalesce(sum(s.monetary), 0)" + FROM.formatted(where))
                .params(params(List.of(run, tenant.value()), whereParams))
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)}).single();
        var total = jdbc.sql("select count(*), coalesce(sum(case when monetary > 0 then monetary else 0 end), 0)"
                + " from customer_segment where tenant_id = ? and run_id = ?").params(tenant.value(), run)
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)}).single();
        return new Matches((int) matched[0], (BigDecimal) matched[1], (int) total[0], (BigDecimal) total[1]);
    }

    /** Makes the run's customers that match the WHERE clause members of the segment in that run. */
    public void addMembers(TenantId tenant, long run, long segmentId, String where, List<Object> whereParams) {
        jdbc.sql("insert into rule_segment_member (tenant_id, run_id, segment_id, customer_id)"
                + " select c.tenant_id, ?, ?, c.id" + FROM.formatted(where))
                .params(params(List.of(run, segmentId, run, tenant.value()), whereParams)).update();
    }

    /**
     * Makes the customers that an intraday run claimed (issue 21) and that match the WHERE clause members of the
     * segment in that run.
     */
    public void addClaimedMembers(TenantId tenant, long run, long segmentId, String where, List<Object> whereParams) {
        List<Object> all = params(List.of(run, segmentId, run, tenant.value()), whereParams);
        all.add(run);
        jdbc.sql("insert into rule_segment_member (tenant_id, run_id, segment_id, customer_id)"
                + " select c.tenant_id, ?, ?, c.id" + FROM.formatted(where)
                + " and exists (select 1 from intraday_pending p where p.tenant_id = c.tenant_id and p.run_id = ?"
                + " and p.customer_id = c.id)")
                .params(all).update();
    }

    private static List<Object> params(List<Object> first, List<Object> then) {
        List<Object> params = new ArrayList<>(first);
        params.addAll(then);
        return params;
    }
}
