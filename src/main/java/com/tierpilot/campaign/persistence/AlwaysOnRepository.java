package com.tierpilot.campaign.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.BulkInsert;
import com.tierpilot.campaign.CampaignPointsSql;
import com.tierpilot.campaign.AlwaysOnAction;
import com.tierpilot.campaign.AlwaysOnCoupon;
import com.tierpilot.campaign.AlwaysOnDefinition;
import com.tierpilot.campaign.AlwaysOnEntry;
import com.tierpilot.campaign.AlwaysOnTrigger;
import com.tierpilot.campaign.ExitCondition;
import com.tierpilot.campaign.JourneyStep;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Always-on campaigns: their state, versions and steps, their entrants and the steps done for them. The night's
 * enrolment, exits and due steps are set-based SQL over the segmentation module's published tables
 * (segment_change, customer_segment, rule_segment_member), the predictions (customer_prediction), the customers'
 * birthdays and the orders, which are read here, never written. Exactly once is the database's rule: an entry is
 * unique per customer and entry number, a step done unique per entry and step.
 */
@Repository
public class AlwaysOnRepository {

    /** The column of customer_segment each built-in scheme's segment is in; never user text. */
    private static final Map<String, String> SEGMENT_COLUMNS = Map.of("ABC", "abc_tier", "RFM", "rfm_segment",
            "LIFECYCLE", "lifecycle");

    private final JdbcTemplate jdbc;
    private final CampaignPointsSql points;

    AlwaysOnRepository(JdbcTemplate jdbc, CampaignPointsSql points) {
        this.jdbc = jdbc;
        this.points = points;
    }

    // --- campaigns and versions -------------------------------------------------------------------------------------

    /** Makes a campaign row an always-on campaign at version 1. */
    public void insertState(TenantId tenant, long campaignId, @Nullable String preset) {
        jdbc.update("update campaign set kind = 'ALWAYS_ON' where tenant_id = ? and id = ?", tenant.value(),
                campaignId);
        jdbc.update("insert into always_on (tenant_id, campaign_id, version, preset) values (?, ?, 1, ?)",
                tenant.value(), campaignId, preset);
    }

    /** A version's definition and steps. */
    public void insertVersion(TenantId tenant, long campaignId, int version, AlwaysOnDefinition d, long user,
            Instant now) {
        jdbc.update("""
                insert into always_on_version (tenant_id, campaign_id, version, trigger_kind, scheme, segment,
                       threshold, trigger_days, holdout_percent, reentry_days, exits, window_days, coupon_valid_days,
                       created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tenant.value(), campaignId, version,
                d.trigger().name(), d.scheme(), d.segment(), d.threshold(), d.triggerDays(), d.holdoutPercent(),
                d.reentryDays(), d.exits().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                d.windowDays(), d.coupon() == null ? null : d.coupon().validDays(), Timestamp.from(now), user);
        for (int i = 0; i < d.steps().size(); i++) {
            JourneyStep s = d.steps().get(i);
            jdbc.update("""
                    insert into always_on_step (tenant_id, campaign_id, version, step_no, action, wait_days,
                                                unless_redeemed, points_days, revisit_plan_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", tenant.value(), campaignId, version, i + 1,
                    s.action().name(), s.waitDays(), s.unlessRedeemed(), s.pointsDays(), s.revisitPlanId());
        }
    }

    /** Moves the campaign to a new version; false when someone else did first. */
    public boolean bumpVersion(TenantId tenant, long campaignId, int from) {
        return jdbc.update("update always_on set version = ? where tenant_id = ? and campaign_id = ? and version = ?",
                from + 1, tenant.value(), campaignId, from) == 1;
    }

    /** The campaign's state: version, paused, last run and its as-of date, preset. */
    public record State(int version, boolean paused, @Nullable Long lastRunId, @Nullable LocalDate lastAsOf,
            @Nullable String preset) {
    }

    public Optional<State> state(TenantId tenant, long campaignId) {
        return jdbc.query("select version, paused, last_run_id, last_as_of, preset from always_on"
                + " where tenant_id = ? and campaign_id = ?", (rs, i) -> new State(rs.getInt(1), rs.getBoolean(2),
                        rs.getObject(3, Long.class), rs.getObject(4, LocalDate.class), rs.getString(5)),
                tenant.value(), campaignId).stream().findFirst();
    }

    /** The ids of the company's always-on campaigns, newest first. */
    public List<Long> ids(TenantId tenant) {
        return jdbc.queryForList("select campaign_id from always_on where tenant_id = ? order by campaign_id desc",
                Long.class, tenant.value());
    }

    /** One page of the company's always-on campaigns, newest first. */
    public List<Long> ids(TenantId tenant, int offset, int limit) {
        return jdbc.queryForList("select campaign_id from always_on where tenant_id = ? order by campaign_id desc"
                + " limit ? offset ?", Long.class, tenant.value(), limit, offset);
    }

    public int count(TenantId tenant) {
        Integer n = jdbc.queryForObject("select count(*) from always_on where tenant_id = ?", Integer.class,
                tenant.value());
        return n == null ? 0 : n;
    }

    /** The always-on campaigns that nights act for: active and not paused. */
    public List<Long> running(TenantId tenant) {
        return jdbc.queryForList("""
                select a.campaign_id from always_on a
                  join campaign c on c.tenant_id = a.tenant_id and c.id = a.campaign_id
                 where a.tenant_id = ? and a.paused = false and c.status = 'ACTIVE' order by a.campaign_id""",
                Long.class, tenant.value());
    }

    public void setPaused(TenantId tenant, long campaignId, boolean paused) {
        jdbc.update("update always_on set paused = ? where tenant_id = ? and campaign_id = ?", paused, tenant.value(),
                campaignId);
    }

    /** The run and date the next night counts from. */
    public void setLastRun(TenantId tenant, long campaignId, @Nullable Long run, LocalDate asOf) {
        jdbc.update("update always_on set last_run_id = ?, last_as_of = ? where tenant_id = ? and campaign_id = ?",
                run, Date.valueOf(asOf), tenant.value(), campaignId);
    }

    public Optional<AlwaysOnDefinition> definition(TenantId tenant, long campaignId, int version,
            @Nullable AlwaysOnCoupon coupon) {
        List<JourneyStep> steps = jdbc.query("""
                select action, wait_days, unless_redeemed, points_days, revisit_plan_id from always_on_step
                 where tenant_id = ? and campaign_id = ? and version = ? order by step_no""",
                (rs, i) -> new JourneyStep(AlwaysOnAction.valueOf(rs.getString(1)), rs.getInt(2), rs.getBoolean(3),
                        rs.getObject(4, Integer.class), rs.getObject(5, Long.class)),
                tenant.value(), campaignId, version);
        return jdbc.query("""
                select trigger_kind, scheme, segment, threshold, trigger_days, holdout_percent, reentry_days, exits,
                       window_days, coupon_valid_days
                  from always_on_version where tenant_id = ? and campaign_id = ? and version = ?""",
                (rs, i) -> definition(rs, steps, coupon), tenant.value(), campaignId, version).stream().findFirst();
    }

    private static AlwaysOnDefinition definition(ResultSet rs, List<JourneyStep> steps,
            @Nullable AlwaysOnCoupon coupon) throws SQLException {
        Set<ExitCondition> exits = EnumSet.noneOf(ExitCondition.class);
        String list = rs.getString("exits");
        if (list != null && !list.isEmpty()) {
            Arrays.stream(list.split(",")).forEach(e -> exits.add(ExitCondition.valueOf(e)));
        }
        Integer validDays = rs.getObject("coupon_valid_days", Integer.class);
        AlwaysOnCoupon withDays = coupon == null || validDays == null ? null : new AlwaysOnCoupon(coupon.type(),
                coupon.value(), coupon.spendThreshold(), coupon.minSpend(), coupon.prefix(), validDays);
        return new AlwaysOnDefinition(AlwaysOnTrigger.valueOf(rs.getString("trigger_kind")), rs.getString("scheme"),
                rs.getString("segment"), rs.getBigDecimal("threshold"), rs.getObject("trigger_days", Integer.class),
                rs.getInt("holdout_percent"), rs.getObject("reentry_days", Integer.class), exits,
                rs.getInt("window_days"), steps, withDays);
    }

    // --- the night: candidates ------------------------------------------------------------------------------------

    /** The current and previous recompute runs. */
    public long @Nullable [] runs(TenantId tenant) {
        return jdbc.query("select current_run_id, previous_run_id from segmentation_state where tenant_id = ?",
                (rs, i) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)},
                tenant.value()).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** A candidate: a customer who met the trigger, and the number of the customer's last entry (0: none). */
    public record Candidate(long customerId, int lastEntryNo) {
    }

    /**
     * The customers who met the trigger since the campaign's last night and may enter: no open entry, and (re-entry)
     * no entry at all when {@code reentryDays} is null, else none entered after {@code asOf − reentryDays}.
     */
    public List<Candidate> candidates(TenantId tenant, long campaignId, AlwaysOnDefinition d, long run,
            @Nullable Long lastRun, long previousRun, @Nullable LocalDate lastAsOf, LocalDate asOf) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), campaignId));
        String met = met(tenant, campaignId, d, run, lastRun, previousRun, lastAsOf, asOf, params);
        if (met == null) {
            return List.of();
        }
        params.add(tenant.value());
        params.add(campaignId);
        String blocked = "e.exited_on is null";
        if (d.reentryDays() == null) {
            blocked = "1 = 1";
        } else {
            blocked += " or e.entered_on > ?";
            params.add(Date.valueOf(asOf.minusDays(d.reentryDays())));
        }
        return jdbc.query("select m.customer_id, coalesce((select max(l.entry_no) from always_on_entry l"
                + " where l.tenant_id = ? and l.campaign_id = ? and l.customer_id = m.customer_id), 0)"
                + " from (" + met + ") m where not exists (select 1 from always_on_entry e where e.tenant_id = ?"
                + " and e.campaign_id = ? and e.customer_id = m.customer_id and (" + blocked + "))"
                + " order by m.customer_id", (rs, i) -> new Candidate(rs.getLong(1), rs.getInt(2)), params.toArray());
    }

    /** SQL selecting the distinct customer_id of those who met the trigger since the last night; null: nobody. */
    private @Nullable String met(TenantId tenant, long campaignId, AlwaysOnDefinition d, long run,
            @Nullable Long lastRun, long previousRun, @Nullable LocalDate lastAsOf, LocalDate asOf,
            List<Object> params) {
        long t = tenant.value();
        switch (d.trigger()) {
            case SEGMENT -> {
                if (lastRun != null && lastRun >= run) {
                    return null;
                }
                if ("RULE".equals(d.scheme())) {
                    params.addAll(List.of(t, run, d.segment(), campaignId));
                    return ruleMembers("m.customer_id") + " and not exists (select 1 from always_on_watch w"
                            + " where w.tenant_id = m.tenant_id and w.campaign_id = ?"
                            + " and w.customer_id = m.customer_id)";
                }
                String column = column(d.scheme());
                params.addAll(List.of(t, d.scheme(), d.segment(), lastRun == null ? run - 1 : lastRun, run, run,
                        d.segment()));
                return "select distinct g.customer_id from segment_change g where g.tenant_id = ? and g.scheme = ?"
                        + " and g.to_segment = ? and g.run_id > ? and g.run_id <= ? and exists (select 1"
                        + " from customer_segment s where s.tenant_id = g.tenant_id and s.run_id = ?"
                        + " and s.customer_id = g.customer_id and s." + column + " = ?)"
                        + seenAlready(lastRun, "h.to_segment = g.to_segment", params);
            }
            case TIER_DROP -> {
                if (lastRun != null && lastRun >= run) {
                    return null;
                }
                params.addAll(List.of(t, d.segment(), d.segment(), lastRun == null ? run - 1 : lastRun, run, run,
                        d.segment()));
                return "select distinct g.customer_id from segment_change g where g.tenant_id = ?"
                        + " and g.scheme = 'ABC' and g.from_segment = ? and g.to_segment > ? and g.run_id > ?"
                        + " and g.run_id <= ? and exists (select 1 from customer_segment s"
                        + " where s.tenant_id = g.tenant_id and s.run_id = ? and s.customer_id = g.customer_id"
                        + " and s.abc_tier > ?)"
                        + seenAlready(lastRun, "h.from_segment = g.from_segment and h.to_segment > h.from_segment",
                                params);
            }
            case P_ALIVE -> {
                params.addAll(List.of(t, d.threshold(), campaignId));
                return "select p.customer_id from customer_prediction p where p.tenant_id = ? and p.p_alive < ?"
                        + " and not exists (select 1 from always_on_watch w where w.tenant_id = p.tenant_id"
                        + " and w.campaign_id = ? and w.customer_id = p.customer_id)";
            }
            case BIRTHDAY -> {
                List<Integer> days = new ArrayList<>();
                LocalDate from = lastAsOf == null || lastAsOf.isBefore(asOf.minusDays(31)) ? asOf.minusDays(1)
                        : lastAsOf;
                for (LocalDate day = from.plusDays(1); !day.isAfter(asOf); day = day.plusDays(1)) {
                    LocalDate birthday = day.plusDays(d.triggerDays());
                    days.add(birthday.getMonthValue() * 100 + birthday.getDayOfMonth());
                }
                if (days.isEmpty()) {
                    return null;
                }
                params.add(t);
                params.addAll(days);
                return "select c.id as customer_id from customer c where c.tenant_id = ? and c.birthday is not null"
                        + " and extract(month from c.birthday) * 100 + extract(day from c.birthday) in ("
                        + String.join(",", java.util.Collections.nCopies(days.size(), "?")) + ")";
            }
            case FIRST_ORDER -> {
                LocalDate from = lastAsOf == null ? asOf.minusDays(1) : lastAsOf;
                if (!from.isBefore(asOf)) {
                    return null;
                }
                params.addAll(List.of(t, run, Date.valueOf(from.minusDays(d.triggerDays())),
                        Date.valueOf(asOf.minusDays(d.triggerDays()))));
                return "select s.customer_id from customer_segment s where s.tenant_id = ? and s.run_id = ?"
                        + " and s.first_order > ? and s.first_order <= ?";
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The condition that leaves out a change {@code g} the campaign saw already: the same move of the customer
     * ({@code same}, on {@code h}) in a run up to the campaign's last run ({@code lastRun}) as of the same date. A
     * second recompute on the same day is compared with the last run of an earlier day, as the first one was
     * ({@code SegmentationRunRepository.baseline}), so it records again the moves of the first; those happened before the campaign's
     * last run (before it was switched on, or enrolled already).
     */
    private static String seenAlready(@Nullable Long lastRun, String same, List<Object> params) {
        if (lastRun == null) {
            return "";
        }
        params.add(lastRun);
        return " and not exists (select 1 from segment_change h join segmentation_run hr on hr.tenant_id = h.tenant_id"
                + " and hr.id = h.run_id join segmentation_run gr on gr.tenant_id = g.tenant_id and gr.id = g.run_id"
                + " where h.tenant_id = g.tenant_id and h.customer_id = g.customer_id and h.scheme = g.scheme and "
                + same + " and h.run_id <= ? and hr.as_of = gr.as_of)";
    }

    /**
     * SQL selecting {@code columns} of the members ({@code m}) of a rule segment in a run; parameters: the company,
     * the run, the segment's key.
     */
    private static String ruleMembers(String columns) {
        return "select " + columns + " from rule_segment_member m join rule_segment r on r.tenant_id = m.tenant_id"
                + " and r.id = m.segment_id where m.tenant_id = ? and m.run_id = ? and r.seg_key = ?";
    }

    private static String column(@Nullable String scheme) {
        String column = SEGMENT_COLUMNS.get(scheme);
        if (column == null) {
            throw new IllegalArgumentException("unknown scheme " + scheme);
        }
        return column;
    }

    /**
     * A rule segment's watch list becomes its members in the run: the next night enrols the members not on it (those
     * who entered the segment since), whichever runs' members the recompute has removed meanwhile.
     */
    public void refreshRuleWatch(TenantId tenant, long campaignId, String segment, long run) {
        jdbc.update("delete from always_on_watch where tenant_id = ? and campaign_id = ? and customer_id not in ("
                + ruleMembers("m.customer_id") + ")", tenant.value(), campaignId, tenant.value(), run, segment);
        jdbc.update("insert into always_on_watch (tenant_id, campaign_id, customer_id) "
                + ruleMembers("m.tenant_id, ?, m.customer_id") + " and not exists (select 1 from always_on_watch w"
                + " where w.tenant_id = m.tenant_id and w.campaign_id = ? and w.customer_id = m.customer_id)",
                campaignId, tenant.value(), run, segment, campaignId);
    }

    /** The P(alive) watch list becomes those under the threshold now. */
    public void refreshWatch(TenantId tenant, long campaignId, BigDecimal threshold) {
        jdbc.update("""
                delete from always_on_watch where tenant_id = ? and campaign_id = ? and not exists
                       (select 1 from customer_prediction p where p.tenant_id = always_on_watch.tenant_id
                         and p.customer_id = always_on_watch.customer_id and p.p_alive < ?)""", tenant.value(),
                campaignId, threshold);
        jdbc.update("""
                insert into always_on_watch (tenant_id, campaign_id, customer_id)
                select p.tenant_id, ?, p.customer_id from customer_prediction p
                 where p.tenant_id = ? and p.p_alive < ? and not exists (select 1 from always_on_watch w
                       where w.tenant_id = p.tenant_id and w.campaign_id = ? and w.customer_id = p.customer_id)""",
                campaignId, tenant.value(), threshold, campaignId);
    }

    /** A new entry to insert. */
    public record NewEntry(long customerId, int entryNo, boolean control) {
    }

    public void insertEntries(TenantId tenant, long campaignId, int version, long run, LocalDate asOf, Instant now,
            List<NewEntry> entries) {
        Date on = Date.valueOf(asOf);
        Timestamp at = Timestamp.from(now);
        BulkInsert.insert(jdbc, tenant, campaignId, "always_on_entry", List.of("tenant_id", "campaign_id",
                "customer_id", "entry_no", "version", "control", "run_id", "entered_on", "entered_at"),
                entries.size(), i -> new Object[] {tenant.value(), campaignId, entries.get(i).customerId(),
                    entries.get(i).entryNo(), version, entries.get(i).control(), run, on, at}, null);
    }

    // --- the night: exits and steps ---------------------------------------------------------------------------------

    /** The versions that have open entries. */
    public List<Integer> openVersions(TenantId tenant, long campaignId) {
        return jdbc.queryForList("select distinct version from always_on_entry where tenant_id = ?"
                + " and campaign_id = ? and exited_on is null order by version", Integer.class, tenant.value(),
                campaignId);
    }

    /** Ends the open entries of a version that meet an exit condition; returns how many. */
    public int exit(TenantId tenant, long campaignId, int version, ExitCondition exit, AlwaysOnDefinition d,
            long run, LocalDate asOf) {
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(asOf), exit.name(), tenant.value(), campaignId,
                version));
        String condition = switch (exit) {
            case BOUGHT -> "exists (select 1 from customer_order o where o.tenant_id = e.tenant_id"
                    + " and o.customer_id = e.customer_id and o.status = 'COMPLETED' and o.ordered_at >= e.entered_on)";
            case REDEEMED -> "exists (select 1 from coupon_redemption r join coupon k on k.tenant_id = r.tenant_id"
                    + " and k.id = r.coupon_id where r.tenant_id = e.tenant_id and k.campaign_id = e.campaign_id"
                    + " and r.customer_id = e.customer_id and r.status = 'REDEEMED' and r.redeemed_at >= e.entered_at)";
            case LEFT_SEGMENT -> left(d, run, params);
        };
        if (condition == null) {
            return 0;
        }
        return jdbc.update("update always_on_entry e set exited_on = ?, exit_reason = ? where e.tenant_id = ?"
                + " and e.campaign_id = ? and e.version = ? and e.exited_on is null and " + condition,
                params.toArray());
    }

    private static @Nullable String left(AlwaysOnDefinition d, long run, List<Object> params) {
        switch (d.trigger()) {
            case SEGMENT -> {
                params.add(run);
                params.add(d.segment());
                if ("RULE".equals(d.scheme())) {
                    return "not exists (select 1 from rule_segment_member m join rule_segment r"
                            + " on r.tenant_id = m.tenant_id and r.id = m.segment_id where m.tenant_id = e.tenant_id"
                            + " and m.run_id = ? and m.customer_id = e.customer_id and r.seg_key = ?)";
                }
                return "not exists (select 1 from customer_segment s where s.tenant_id = e.tenant_id"
                        + " and s.run_id = ? and s.customer_id = e.customer_id and s." + column(d.scheme())
                        + " = ?)";
            }
            case TIER_DROP -> {
                params.add(run);
                params.add(d.segment());
                return "exists (select 1 from customer_segment s where s.tenant_id = e.tenant_id and s.run_id = ?"
                        + " and s.customer_id = e.customer_id and s.abc_tier <= ?)";
            }
            case P_ALIVE -> {
                params.add(d.threshold());
                return "exists (select 1 from customer_prediction p where p.tenant_id = e.tenant_id"
                        + " and p.customer_id = e.customer_id and p.p_alive >= ?)";
            }
            default -> {
                return null;
            }
        }
    }

    /** Ends the open entries of a version whose journey is over: entered on or before {@code lastDay}. */
    public int finish(TenantId tenant, long campaignId, int version, LocalDate lastDay, LocalDate asOf) {
        return jdbc.update("""
                update always_on_entry set exited_on = ?, exit_reason = 'FINISHED'
                 where tenant_id = ? and campaign_id = ? and version = ? and exited_on is null and entered_on <= ?""",
                Date.valueOf(asOf), tenant.value(), campaignId, version, Date.valueOf(lastDay));
    }

    /** Ends every open entry (the campaign ended). */
    public int endAll(TenantId tenant, long campaignId, LocalDate asOf) {
        return jdbc.update("update always_on_entry set exited_on = ?, exit_reason = 'ENDED' where tenant_id = ?"
                + " and campaign_id = ? and exited_on is null", Date.valueOf(asOf), tenant.value(), campaignId);
    }

    /** An entry due for a step: its id, customer, and whether the customer redeemed the campaign's coupon. */
    public record Due(long entryId, long customerId, boolean redeemed) {
    }

    /**
     * The open target entries of a version due for step {@code stepNo} tonight: not done yet, and the wait over
     * since the entry (step 1) or since the step before was done or skipped.
     */
    public List<Due> due(TenantId tenant, long campaignId, int version, int stepNo, int waitDays, LocalDate asOf) {
        Date limit = Date.valueOf(asOf.minusDays(waitDays));
        String since = stepNo == 1 ? "e.entered_on <= ?"
                : "exists (select 1 from always_on_step_done p where p.tenant_id = e.tenant_id"
                        + " and p.entry_id = e.id and p.step_no = " + (stepNo - 1) + " and p.done_on <= ?)";
        return jdbc.query("""
                select e.id, e.customer_id,
                       case when exists (select 1 from coupon_redemption r join coupon k on k.tenant_id = r.tenant_id
                                          and k.id = r.coupon_id where r.tenant_id = e.tenant_id
                                          and k.campaign_id = e.campaign_id and r.customer_id = e.customer_id
                                          and r.status = 'REDEEMED' and r.redeemed_at >= e.entered_at)
                            then 1 else 0 end
                  from always_on_entry e
                 where e.tenant_id = ? and e.campaign_id = ? and e.version = ? and e.control = false
                   and e.exited_on is null and not exists (select 1 from always_on_step_done d
                       where d.tenant_id = e.tenant_id and d.entry_id = e.id and d.step_no = ?)
                   and\s""" + since + " order by e.customer_id", (rs, i) -> new Due(rs.getLong(1), rs.getLong(2),
                        rs.getInt(3) == 1), tenant.value(), campaignId, version, stepNo, limit);
    }

    /** Records steps done (or skipped); a step recorded already for an entry is a duplicate key. */
    public void insertStepsDone(TenantId tenant, long campaignId, int stepNo, List<Due> entries, boolean skipped,
            LocalDate asOf, Instant now, @Nullable Instant pointsUntil) {
        Date on = Date.valueOf(asOf);
        Timestamp at = Timestamp.from(now);
        Timestamp until = pointsUntil == null ? null : Timestamp.from(pointsUntil);
        BulkInsert.insert(jdbc, tenant, campaignId, "always_on_step_done", List.of("tenant_id", "entry_id",
                "step_no", "campaign_id", "customer_id", "outcome", "done_on", "done_at", "points_until"),
                entries.size(), i -> new Object[] {tenant.value(), entries.get(i).entryId(), stepNo, campaignId,
                    entries.get(i).customerId(), skipped ? "SKIPPED" : "DONE", on, at, until}, null);
    }

    /** Sets how long the codes just issued to these customers are valid. */
    public void limitCodes(TenantId tenant, long couponId, List<String> codes, Instant validUntil) {
        List<Object[]> rows = codes.stream().map(c -> new Object[] {Timestamp.from(validUntil), tenant.value(),
            couponId, c}).toList();
        jdbc.batchUpdate("update coupon_code set valid_until = ? where tenant_id = ? and coupon_id = ? and code = ?",
                rows);
    }

    /** Double points windows of always-on campaigns that overlap from–to: campaign, name, customer, from, until. */
    public void pointsWindows(TenantId tenant, Instant from, Instant to, PointsWindowConsumer consumer) {
        jdbc.query("""
                select d.campaign_id, c.name, d.customer_id, d.done_at, d.points_until from always_on_step_done d
                  join campaign c on c.tenant_id = d.tenant_id and c.id = d.campaign_id
                 where d.tenant_id = ? and d.points_until > ? and d.done_at < ? and d.outcome = 'DONE'
                   and c.status <> 'CANCELLED'""", (RowCallbackHandler) rs -> consumer.accept(rs.getLong(1),
                        rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()), tenant.value(), Timestamp.from(from), Timestamp.from(to));
    }

    /** Receives one double-points window. */
    @FunctionalInterface
    public interface PointsWindowConsumer {
        void accept(long campaignId, String name, long customerId, Instant from, Instant until);
    }

    // --- results ----------------------------------------------------------------------------------------------------

    /** Sums of one day's entrants of one group and version, within each entry's window. */
    public record DaySums(LocalDate enteredOn, boolean control, int version, int entrants, int buyers,
            BigDecimal revenue, BigDecimal revenueSquares, BigDecimal discounts, long points) {
    }

    /**
     * Per entry day, group and version: entrants, those with a completed order within the window of days from the
     * entry day, their revenue there (refunds netted) and its squares, the coupon discounts they redeemed and the
     * bonus points they got in the window.
     */
    public List<DaySums> daySums(TenantId tenant, long campaignId) {
        return jdbc.query("""
                select x.entered_on, x.control, x.version, count(*),
                       sum(case when x.orders > 0 then 1 else 0 end), coalesce(sum(x.revenue), 0),
                       coalesce(sum(x.revenue * x.revenue), 0), coalesce(sum(x.discount), 0),
                       coalesce(sum(x.points), 0)
                  from (select e.entered_on, e.control, e.version,
                               (select count(*) from customer_order o where o.tenant_id = e.tenant_id
                                   and o.customer_id = e.customer_id and o.status = 'COMPLETED'
                                   and o.ordered_at >= e.entered_on
                                   and o.ordered_at < timestampadd(DAY, v.window_days, e.entered_on)) as orders,
                               (select coalesce(sum(o.amount), 0) from customer_order o
                                 where o.tenant_id = e.tenant_id and o.customer_id = e.customer_id
                                   and o.status in ('COMPLETED', 'REFUNDED') and o.ordered_at >= e.entered_on
                                   and o.ordered_at < timestampadd(DAY, v.window_days, e.entered_on)) as revenue,
                               (select coalesce(sum(r.discount), 0) from coupon_redemption r
                                  join coupon k on k.tenant_id = r.tenant_id and k.id = r.coupon_id
                                 where r.tenant_id = e.tenant_id and k.campaign_id = e.campaign_id
                                   and r.customer_id = e.customer_id and r.status = 'REDEEMED'
                                   and r.redeemed_at >= e.entered_at
                                   and r.redeemed_at < timestampadd(DAY, v.window_days, e.entered_at)) as discount,
                """ + points.bonusPoints("e.tenant_id", "e.customer_id", "e.campaign_id", "e.entered_at",
                        "timestampadd(DAY, v.window_days + 1, e.entered_at)") + """
                                as points
                          from always_on_entry e
                          join always_on_version v on v.tenant_id = e.tenant_id and v.campaign_id = e.campaign_id
                               and v.version = e.version
                         where e.tenant_id = ? and e.campaign_id = ?) x
                 group by x.entered_on, x.control, x.version
                 order by x.entered_on, x.control, x.version""",
                (rs, i) -> new DaySums(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getLong(9)), tenant.value(), campaignId);
    }

    private static final String ENTRY_SELECT = """
            select e.customer_id, c.code, c.name, e.entry_no, e.version, e.control, e.entered_on, e.exited_on,
                   e.exit_reason, (select count(*) from always_on_step_done d where d.tenant_id = e.tenant_id
                                    and d.entry_id = e.id and d.outcome = 'DONE')
              from always_on_entry e join customer c on c.tenant_id = e.tenant_id and c.id = e.customer_id""";

    /** The newest entrants first, one page. */
    public List<AlwaysOnEntry> entries(TenantId tenant, long campaignId, int offset, int limit) {
        return jdbc.query(ENTRY_SELECT + " where e.tenant_id = ? and e.campaign_id = ?"
                + " order by e.entered_on desc, e.id desc limit ? offset ?", (rs, i) -> entry(rs), tenant.value(),
                campaignId, limit, offset);
    }

    public int countEntries(TenantId tenant, long campaignId) {
        Integer n = jdbc.queryForObject("select count(*) from always_on_entry where tenant_id = ? and campaign_id = ?",
                Integer.class, tenant.value(), campaignId);
        return n == null ? 0 : n;
    }

    /** A customer's entries in any always-on campaign, newest first. */
    public List<AlwaysOnEntry> entriesOf(TenantId tenant, long customerId) {
        return jdbc.query(ENTRY_SELECT + " where e.tenant_id = ? and e.customer_id = ? order by e.entered_on desc,"
                + " e.id desc", (rs, i) -> entry(rs), tenant.value(), customerId);
    }

    private static AlwaysOnEntry entry(ResultSet rs) throws SQLException {
        return new AlwaysOnEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                rs.getString(9), rs.getInt(10));
    }

    /** Locks the campaign's state row for the night's enrolment; false when it is gone. */
    public boolean lock(TenantId tenant, long campaignId) {
        return !jdbc.queryForList("select version from always_on where tenant_id = ? and campaign_id = ? for update",
                Integer.class, tenant.value(), campaignId).isEmpty();
    }

    // --- preview -----------------------------------------------------------------------------------------------------

    /** A past recompute run: its id and as-of date. */
    public record PastRun(long id, LocalDate asOf) {
    }

    /** The company's last succeeded recompute runs, newest first. */
    public List<PastRun> pastRuns(TenantId tenant, int limit) {
        return jdbc.query("select id, as_of from segmentation_run where tenant_id = ? and status = 'SUCCEEDED'"
                + " order by id desc limit ?", (rs, i) -> new PastRun(rs.getLong(1),
                        rs.getObject(2, LocalDate.class)), tenant.value(), limit);
    }

    /**
     * How many customers met the trigger in a past run (the run's segment changes; for dates, the days from the run
     * before to this one; for P(alive), the prediction's moves as of the run's date); null when the history cannot
     * tell (a run from before P(alive) moves were kept, or a rule segment's older runs).
     */
    public @Nullable Integer metIn(TenantId tenant, AlwaysOnDefinition d, PastRun run, @Nullable PastRun before,
            long currentRun, long previousRun) {
        List<Object> params = new ArrayList<>();
        String met;
        switch (d.trigger()) {
            case SEGMENT, TIER_DROP -> {
                if ("RULE".equals(d.scheme())) {
                    if (run.id() != currentRun || before == null || before.id() != previousRun) {
                        return null;
                    }
                    params.addAll(List.of(tenant.value(), run.id(), d.segment(), before.id()));
                    met = ruleMembers("m.customer_id") + " and not exists (select 1 from rule_segment_member p"
                            + " where p.tenant_id = m.tenant_id and p.run_id = ? and p.segment_id = m.segment_id"
                            + " and p.customer_id = m.customer_id)";
                } else {
                    params.add(tenant.value());
                    params.add(d.trigger() == AlwaysOnTrigger.TIER_DROP ? "ABC" : d.scheme());
                    params.add(d.segment());
                    params.add(run.id());
                    met = "select distinct g.customer_id from segment_change g where g.tenant_id = ? and g.scheme = ?"
                            + (d.trigger() == AlwaysOnTrigger.TIER_DROP ? " and g.from_segment = ?"
                                    + " and g.to_segment > g.from_segment" : " and g.to_segment = ?")
                            + " and g.run_id = ?";
                }
            }
            case P_ALIVE -> {
                return fellUnder(tenant, java.util.Objects.requireNonNull(d.threshold()), run.asOf());
            }
            default -> met = met(tenant, 0, d, currentRun, null, previousRun, before == null ? null : before.asOf(),
                    run.asOf(), params);
        }
        if (met == null) {
            return 0;
        }
        Integer n = jdbc.queryForObject("select count(*) from (" + met + ") m", Integer.class, params.toArray());
        return n == null ? 0 : n;
    }

    /**
     * How many customers fell under the P(alive) threshold at the prediction as of {@code asOf}: under it now, and at
     * or over it before (or without a prediction before), from the moves the prediction counted in whole percents;
     * null when none were counted that day.
     */
    private @Nullable Integer fellUnder(TenantId tenant, BigDecimal threshold, LocalDate asOf) {
        int under = threshold.movePointRight(2).setScale(0, java.math.RoundingMode.CEILING).intValue();
        List<Integer> sums = jdbc.query("""
                select count(*), coalesce(sum(case when to_pct < ? and (from_pct >= ? or from_pct < 0)
                                                   then customers else 0 end), 0)
                  from palive_move
                 where tenant_id = ? and as_of = ?
                   and run_id = (select max(l.run_id) from palive_move l where l.tenant_id = ? and l.as_of = ?)""",
                (rs, i) -> rs.getInt(1) == 0 ? null : rs.getInt(2), under, under, tenant.value(), Date.valueOf(asOf),
                tenant.value(), Date.valueOf(asOf));
        return sums.isEmpty() ? null : sums.getFirst();
    }
}
