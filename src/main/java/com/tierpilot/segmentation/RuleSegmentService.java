package com.tierpilot.segmentation;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import com.tierpilot.segmentation.persistence.SegmentationSettingsRepository;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule segments: nested AND/OR conditions over customer attributes and computed metrics. Each run computes their
 * members set-based in SQL; the editor previews a rule's count and revenue share on the current run before it is
 * saved. Every change is recorded.
 */
@Service
@Transactional
public class RuleSegmentService {

    /** How deeply groups may nest: the root group is level 0. */
    public static final int MAX_DEPTH = RuleSql.MAX_DEPTH;

    /** How many distinct tags or attribute names the editor offers at most. */
    public static final int MAX_SUGGESTIONS = 500;

    private static final String FROM = """
             from customer c
             join customer_segment s on s.tenant_id = c.tenant_id and s.customer_id = c.id and s.run_id = ?
            where c.tenant_id = ? and (%s)""";

    private final JdbcClient jdbc;
    private final SegmentationRunRepository runs;
    private final SegmentationSettingsRepository history;
    private final JsonMapper json;
    private final Clock clock;
    private final RuleFigureSql figures;

    RuleSegmentService(JdbcClient jdbc, SegmentationRunRepository runs, SegmentationSettingsRepository history, JsonMapper json, Clock clock,
            RuleFigureSql predicted, RuleGradeSql grades) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.history = history;
        this.json = json;
        this.clock = clock;
        this.figures = field -> field == RuleField.GRADE ? grades.grade("c.tenant_id", "c.id")
                : predicted.figure(field);
    }

    @Transactional(readOnly = true)
    public List<RuleSegmentDefinition> list(TenantId tenant) {
        return jdbc.sql("select id, seg_key, name, definition, active, version from rule_segment"
                + " where tenant_id = ? order by name").param(tenant.value())
                .query((rs, i) -> new RuleSegmentDefinition(rs.getLong(1), rs.getString(2), rs.getString(3),
                        json.readValue(rs.getString(4), RuleNode.class), rs.getBoolean(5), rs.getInt(6)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSegmentDefinition> find(TenantId tenant, long id) {
        return list(tenant).stream().filter(r -> r.id() == id).findFirst();
    }

    /** The tenant's distinct customer tags, in alphabetical order, for the rule editor's tag picker. */
    @Transactional(readOnly = true)
    public List<String> knownTags(TenantId tenant) {
        return jdbc.sql("select distinct tag from customer_tag where tenant_id = ? order by tag limit "
                + MAX_SUGGESTIONS)
                .param(tenant.value()).query(String.class).list();
    }

    /** The names of the tenant's own customer attributes, in alphabetical order, for the rule editor. */
    @Transactional(readOnly = true)
    public List<String> knownAttributes(TenantId tenant) {
        return jdbc.sql("select distinct name from customer_attribute where tenant_id = ? order by name limit "
                + MAX_SUGGESTIONS)
                .param(tenant.value()).query(String.class).list();
    }

    /** Creates a rule segment; it gets members from the next run. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public RuleSegmentDefinition create(TenantId tenant, UserId user, String name, RuleNode rule) {
        checkName(name);
        RuleSql.of(rule, LocalDate.now(clock), figures);
        String definition = json.writeValueAsString(rule);
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        String provisional = "new_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into rule_segment (tenant_id, seg_key, name, definition, active, created_at, updated_at)"
                + " values (:tenant, :key, :name, :definition, true, :now, :now)")
                .param("tenant", tenant.value()).param("key", provisional).param("name", name.strip())
                .param("definition", definition).param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        String key = "rule_" + id;
        jdbc.sql("update rule_segment set seg_key = ? where tenant_id = ? and id = ?").params(key, tenant.value(), id)
                .update();
        history.record(tenant, user, "RULE", name.strip(), null, definition, now);
        return new RuleSegmentDefinition(id, key, name.strip(), rule, true, 0);
    }

    /** Changes a rule segment, if nobody changed it since {@code version} was read. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public RuleSegmentDefinition update(TenantId tenant, UserId user, long id, int version, String name,
            RuleNode rule, boolean active) {
        checkName(name);
        RuleSql.of(rule, LocalDate.now(clock), figures);
        RuleSegmentDefinition before = find(tenant, id).orElseThrow(() -> new NotFoundException("segment"));
        String definition = json.writeValueAsString(rule);
        Instant now = clock.instant();
        int updated = jdbc.sql("update rule_segment set name = ?, definition = ?, active = ?, updated_at = ?,"
                + " version = version + 1 where tenant_id = ? and id = ? and version = ?")
                .params(name.strip(), definition, active, Timestamp.from(now), tenant.value(), id, version).update();
        if (updated == 0) {
            throw new UserFacingException("segmentation.error.concurrentChange");
        }
        history.record(tenant, user, "RULE", name.strip(), json.writeValueAsString(before.rule()), definition, now);
        return new RuleSegmentDefinition(id, before.key(), name.strip(), rule, active, version + 1);
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void delete(TenantId tenant, UserId user, long id) {
        RuleSegmentDefinition before = find(tenant, id).orElseThrow(() -> new NotFoundException("segment"));
        jdbc.sql("delete from rule_segment where tenant_id = ? and id = ?").params(tenant.value(), id).update();
        history.record(tenant, user, "RULE", before.name(), json.writeValueAsString(before.rule()), null,
                clock.instant());
    }

    /** The rule's matches in the current run, without saving anything. */
    @Transactional(readOnly = true)
    public Optional<RulePreview> preview(TenantId tenant, RuleNode rule) {
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        long run = state.get().current();
        LocalDate asOf = runs.find(tenant, run).orElseThrow().asOf();
        RuleSql.Where where = RuleSql.of(rule, asOf, figures);
        List<Object> params = new ArrayList<>(List.of(run, tenant.value()));
        params.addAll(where.params());
        var matched = jdbc.sql("select count(*), coalesce(sum(s.monetary), 0)" + FROM.formatted(where.sql()))
                .params(params).query((rs, i) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)}).single();
        var total = jdbc.sql("select count(*), coalesce(sum(case when monetary > 0 then monetary else 0 end), 0)"
                + " from customer_segment where tenant_id = ? and run_id = ?").params(tenant.value(), run)
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)}).single();
        BigDecimal revenue = (BigDecimal) matched[1];
        BigDecimal all = (BigDecimal) total[1];
        double share = all.signum() == 0 ? 0 : revenue.max(BigDecimal.ZERO).doubleValue() / all.doubleValue();
        return Optional.of(new RulePreview((int) matched[0], (int) total[0], revenue, Math.min(1.0, share)));
    }

    /** Computes the members of every active rule segment for a run that is being written. */
    void evaluate(TenantId tenant, long run) {
        LocalDate asOf = runs.find(tenant, run).orElseThrow().asOf();
        for (RuleSegmentDefinition segment : list(tenant)) {
            if (!segment.active()) {
                continue;
            }
            RuleSql.Where where = RuleSql.of(segment.rule(), asOf, figures);
            List<Object> params = new ArrayList<>(List.of(run, segment.id(), run, tenant.value()));
            params.addAll(where.params());
            jdbc.sql("insert into rule_segment_member (tenant_id, run_id, segment_id, customer_id)"
                    + " select c.tenant_id, ?, ?, c.id" + FROM.formatted(where.sql())).params(params).update();
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new UserFacingException("rule.error.name");
        }
    }
}
