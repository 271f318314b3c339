package com.tierpilot.segmentation;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.segmentation.persistence.RuleSegmentRepository;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import com.tierpilot.segmentation.persistence.SegmentationSettingsRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    private final RuleSegmentRepository rules;
    private final SegmentationRunRepository runs;
    private final SegmentationSettingsRepository history;
    private final JsonMapper json;
    private final Clock clock;
    private final RuleFigureSql figures;

    RuleSegmentService(RuleSegmentRepository rules, SegmentationRunRepository runs,
            SegmentationSettingsRepository history, JsonMapper json, Clock clock,
            RuleFigureSql predicted, RuleGradeSql grades) {
        this.rules = rules;
        this.runs = runs;
        this.history = history;
        this.json = json;
        this.clock = clock;
        this.figures = field -> field == RuleField.GRADE ? grades.grade("c.tenant_id", "c.id")
                : predicted.figure(field);
    }

    @Transactional(readOnly = true)
    public List<RuleSegmentDefinition> list(TenantId tenant) {
        return rules.list(tenant).stream().map(r -> new RuleSegmentDefinition(r.id(), r.key(), r.name(),
                json.readValue(r.definition(), RuleNode.class), r.active(), r.version())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSegmentDefinition> find(TenantId tenant, long id) {
        return list(tenant).stream().filter(r -> r.id() == id).findFirst();
    }

    /** The tenant's distinct customer tags, in alphabetical order, for the rule editor's tag picker. */
    @Transactional(readOnly = true)
    public List<String> knownTags(TenantId tenant) {
        return rules.tags(tenant, MAX_SUGGESTIONS);
    }

    /** The names of the tenant's own customer attributes, in alphabetical order, for the rule editor. */
    @Transactional(readOnly = true)
    public List<String> knownAttributes(TenantId tenant) {
        return rules.attributeNames(tenant, MAX_SUGGESTIONS);
    }

    /** Creates a rule segment; it gets members from the next run. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public RuleSegmentDefinition create(TenantId tenant, UserId user, String name, RuleNode rule) {
        checkName(name);
        RuleSql.of(rule, LocalDate.now(clock), figures);
        String definition = json.writeValueAsString(rule);
        Instant now = clock.instant();
        long id = rules.insert(tenant, name.strip(), definition, now);
        String key = RuleSegmentRepository.key(id);
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
        if (!rules.update(tenant, id, version, name.strip(), definition, active, now)) {
            throw new UserFacingException("segmentation.error.concurrentChange");
        }
        history.record(tenant, user, "RULE", name.strip(), json.writeValueAsString(before.rule()), definition, now);
        return new RuleSegmentDefinition(id, before.key(), name.strip(), rule, active, version + 1);
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void delete(TenantId tenant, UserId user, long id) {
        RuleSegmentDefinition before = find(tenant, id).orElseThrow(() -> new NotFoundException("segment"));
        rules.delete(tenant, id);
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
        RuleSegmentRepository.Matches matches = rules.matches(tenant, run, where.sql(), where.params());
        BigDecimal all = matches.totalRevenue();
        double share = all.signum() == 0 ? 0
                : matches.revenue().max(BigDecimal.ZERO).doubleValue() / all.doubleValue();
        return Optional.of(new RulePreview(matches.customers(), matches.totalCustomers(), matches.revenue(),
                Math.min(1.0, share)));
    }

    /** Computes the members of every active rule segment for a run that is being written. */
    void evaluate(TenantId tenant, long run) {
        LocalDate asOf = runs.find(tenant, run).orElseThrow().asOf();
        for (RuleSegmentDefinition segment : list(tenant)) {
            if (!segment.active()) {
                continue;
            }
            RuleSql.Where where = RuleSql.of(segment.rule(), asOf, figures);
            rules.addMembers(tenant, run, segment.id(), where.sql(), where.params());
        }
    }

    /**
     * Computes the members among the customers an intraday run claimed (issue 21), of every active rule segment but
     * those in {@code keptWhole}, whose members the run copies.
     */
    void evaluateClaimed(TenantId tenant, long run, java.util.Collection<Long> keptWhole) {
        LocalDate asOf = runs.find(tenant, run).orElseThrow().asOf();
        for (RuleSegmentDefinition segment : list(tenant)) {
            if (!segment.active() || keptWhole.contains(segment.id())) {
                continue;
            }
            RuleSql.Where where = RuleSql.of(segment.rule(), asOf, figures);
            rules.addClaimedMembers(tenant, run, segment.id(), where.sql(), where.params());
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new UserFacingException("rule.error.name");
        }
    }
}
