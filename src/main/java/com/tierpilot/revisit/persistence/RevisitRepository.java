package com.tierpilot.revisit.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.revisit.Cadence;
import com.tierpilot.revisit.ContactChannel;
import com.tierpilot.revisit.PlanKind;
import com.tierpilot.revisit.RevisitPlan;
import com.tierpilot.revisit.RevisitPlanDraft;
import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.TaskOutcome;
import com.tierpilot.revisit.TeamLoad;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Revisit plans and tasks. Segment membership is read from the current run of the segmentation module's published
 * tables (customer_segment, rule_segment_member), which that module replaces atomically, and prospects' A-E grades
 * from the sales module's prospect_grade (the GRADE scheme, needing no run); read here, never written. Follow-up
 * logs (customer_followup_log) count as contacts for every cadence.
 * At most one open task per customer and plan is the database's rule (uk_revisit_task_open).
 */
@Repository
public class RevisitRepository {

    /** The scheme of prospects' A-E grades. */
    private static final String GRADE = "GRADE";
    /** The column of customer_segment each scheme's segment is in; never user text. */
    private static final Map<String, String> SEGMENT_COLUMNS = Map.of("ABC", "s.abc_tier", "RFM", "s.rfm_segment",
            "LIFECYCLE", "s.lifecycle");
    private static final String PLAN_COLUMNS = "id, name, kind, scheme, segment, cadence, every_days, holiday_month,"
            + " holiday_day, channel, script, priority, active, version, preset";
    private static final String TASK_SELECT = """
            select t.id, t.customer_id, c.code, c.name, c.phone, t.plan_id, p.name as plan_name, p.script,
                   t.manager_id, t.due_on, t.channel, t.priority, t.status, t.outcome, t.note, t.done_on
              from revisit_task t
              join customer c on c.tenant_id = t.tenant_id and c.id = t.customer_id
              join revisit_plan p on p.tenant_id = t.tenant_id and p.id = t.plan_id""";

    private final JdbcTemplate jdbc;

    RevisitRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- plans ----------------------------------------------------------------------------------------------------

    /** The company's plans (a campaign's own plan is not one of them). */
    public List<RevisitPlan> plans(TenantId tenant, boolean onlyActive) {
        return jdbc.query("select " + PLAN_COLUMNS + " from revisit_plan where tenant_id = ? and kind <> 'CAMPAIGN'"
                + (onlyActive ? " and active = true" : "") + " order by priority, name, id",
                (rs, i) -> plan(rs), tenant.value());
    }

    public Optional<RevisitPlan> plan(TenantId tenant, long id) {
        return jdbc.query("select " + PLAN_COLUMNS + " from revisit_plan where tenant_id = ? and id = ?",
                (rs, i) -> plan(rs), tenant.value(), id).stream().findFirst();
    }

    public long insertPlan(TenantId tenant, RevisitPlanDraft d, Instant now) {
        return insertPlan(tenant, d, null, now);
    }

    /** Inserts a plan; {@code preset}: the preset it is made by, null for the user's own. */
    public long insertPlan(TenantId tenant, RevisitPlanDraft d, @Nullable String preset, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("""
                    insert into revisit_plan (tenant_id, name, kind, scheme, segment, cadence, every_days,
                           holiday_month, holiday_day, channel, script, priority, active, created_at, updated_at,
                           preset)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            Object[] values = {tenant.value(), d.name(), d.kind().name(), d.scheme(), d.segment(),
                d.cadence() == null ? null : d.cadence().name(), d.everyDays(), d.holidayMonth(), d.holidayDay(),
                d.channel().name(), d.script(), d.priority(), d.active(), Timestamp.from(now), Timestamp.from(now), preset};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** The plan of a campaign's revisit-plan action, if the campaign has made it. */
    public Optional<RevisitPlan> campaignPlan(TenantId tenant, long campaignId) {
        return jdbc.query("select " + PLAN_COLUMNS + " from revisit_plan where tenant_id = ? and campaign_id = ?",
                (rs, i) -> plan(rs), tenant.value(), campaignId).stream().findFirst();
    }

    /** Makes a campaign's plan: the campaign's name, the source plan's channel, script and priority. */
    public void insertCampaignPlan(TenantId tenant, long campaignId, String name, RevisitPlan source, Instant now) {
        jdbc.update("""
                insert into revisit_plan (tenant_id, name, kind, channel, script, priority, active, created_at,
                                          updated_at, campaign_id)
                values (?, ?, 'CAMPAIGN', ?, ?, ?, true, ?, ?, ?)""", tenant.value(), name, source.channel().name(),
                source.script(), source.priority(), Timestamp.from(now), Timestamp.from(now), campaignId);
    }

    /** Each customer's account manager (absent: none), for the given customers of the company. */
    public Map<Long, Long> managersOf(TenantId tenant, List<Long> customers) {
        Map<Long, Long> managers = new HashMap<>();
        for (int from = 0; from < customers.size(); from += 1000) {
            List<Long> chunk = customers.subList(from, Math.min(customers.size(), from + 1000));
            List<Object> params = new ArrayList<>(List.of(tenant.value()));
            params.addAll(chunk);
            jdbc.query("select id, account_manager_id from customer where tenant_id = ? and id in ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    (RowCallbackHandler) rs -> {
                        Long manager = rs.getObject(2, Long.class);
                        if (manager != null) {
                            managers.put(rs.getLong(1), manager);
                        }
                    }, params.toArray());
        }
        return managers;
    }

    /** The customers with an open task of the plan. */
    public java.util.Set<Long> withOpenTask(TenantId tenant, long planId) {
        return new java.util.HashSet<>(jdbc.queryForList("select customer_id from revisit_task where tenant_id = ?"
                + " and open_plan = ?", Long.class, tenant.value(), planId));
    }

    /** A plan's tasks that are open, and done. */
    public long[] openAndDone(TenantId tenant, long planId) {
        return jdbc.queryForObject("""
                select coalesce(sum(case when status = 'OPEN' then 1 else 0 end), 0),
                       coalesce(sum(case when status = 'DONE' then 1 else 0 end), 0)
                  from revisit_task where tenant_id = ? and plan_id = ?""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, tenant.value(), planId);
    }

    /** Changes a plan still at {@code version}; false when someone changed it since. */
    public boolean updatePlan(TenantId tenant, long id, int version, RevisitPlanDraft d, Instant now) {
        return jdbc.update("""
                update revisit_plan set name = ?, kind = ?, scheme = ?, segment = ?, cadence = ?, every_days = ?,
                       holiday_month = ?, holiday_day = ?, channel = ?, script = ?, priority = ?, active = ?,
                       updated_at = ?, version = version + 1
                 where tenant_id = ? and id = ? and version = ?""", d.name(), d.kind().name(), d.scheme(),
                d.segment(), d.cadence() == null ? null : d.cadence().name(), d.everyDays(), d.holidayMonth(),
                d.holidayDay(), d.channel().name(), d.script(), d.priority(), d.active(), Timestamp.from(now),
                tenant.value(), id, version) == 1;
    }

    // --- generation -----------------------------------------------------------------------------------------------

    /** The current segmentation run, if any. */
    public @Nullable Long currentRun(TenantId tenant) {
        List<Long> runs = jdbc.queryForList("select current_run_id from segmentation_state where tenant_id = ?",
                Long.class, tenant.value());
        return runs.isEmpty() ? null : runs.getFirst();
    }

    /** Cancels the open tasks of plans no longer active. */
    public int cancelOfInactivePlans(TenantId tenant, Instant now) {
        return jdbc.update("""
                update revisit_task set status = 'CANCELLED', done_at = ?
                 where tenant_id = ? and status = 'OPEN' and plan_id in
                       (select p.id from revisit_plan p where p.tenant_id = ? and p.active = false)""",
                Timestamp.from(now), tenant.value(), tenant.value());
    }

    /** Cancels the plan's open tasks of customers no longer in its segment (they moved to another tier). */
    public int cancelOutsideSegment(TenantId tenant, RevisitPlan plan, @Nullable Long run, Instant now) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now), tenant.value(), plan.id()));
        String member = member(plan, run, "t", params);
        return jdbc.update("update revisit_task t set status = 'CANCELLED', done_at = ? where t.tenant_id = ?"
                + " and t.plan_id = ? and t.status = 'OPEN' and not exists (" + member + ")", params.toArray());
    }

    /** Gives open tasks to the customer's account manager of today (or the unassigned queue). */
    public int followManagers(TenantId tenant) {
        return jdbc.update("""
                update revisit_task t
                   set manager_id = (select c.account_manager_id from customer c
                                      where c.tenant_id = t.tenant_id and c.id = t.customer_id)
                 where t.tenant_id = ? and t.status = 'OPEN'""", tenant.value());
    }

    /**
     * The last contact under any cadence plan per customer: when it was done, and the next date its manager set
     * (null: the cadence decides).
     */
    public Map<Long, LocalDate[]> lastCadenceContacts(TenantId tenant) {
        Map<Long, LocalDate[]> last = new HashMap<>();
        jdbc.query("""
                select t.customer_id, t.done_on, t.next_on from revisit_task t
                  join revisit_plan p on p.tenant_id = t.tenant_id and p.id = t.plan_id
                 where t.tenant_id = ? and t.status = 'DONE' and p.kind = 'CADENCE'
                 order by t.customer_id, t.done_at, t.id""", (RowCallbackHandler) rs -> last.put(rs.getLong(1),
                        new LocalDate[] {rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)}),
                tenant.value());
        // A follow-up logged on the customer is a contact too: the later of the two counts (a log on the same day
        // as a task, after it).
        jdbc.query("""
                select customer_id, logged_on, next_on from customer_followup_log
                 where tenant_id = ? order by customer_id, logged_at, id""", (RowCallbackHandler) rs -> {
                    LocalDate on = rs.getObject(2, LocalDate.class);
                    LocalDate[] known = last.get(rs.getLong(1));
                    if (known == null || !known[0].isAfter(on)) {
                        last.put(rs.getLong(1), new LocalDate[] {on, rs.getObject(3, LocalDate.class)});
                    }
                }, tenant.value());
        return last;
    }

    /** The due date of each customer's last finished (done or cancelled) task of a greeting plan. */
    public Map<Long, LocalDate> lastGreetings(TenantId tenant, long plan) {
        Map<Long, LocalDate> last = new HashMap<>();
        jdbc.query("select customer_id, max(due_on) from revisit_task where tenant_id = ? and plan_id = ?"
                + " and status <> 'OPEN' group by customer_id",
                (RowCallbackHandler) rs -> last.put(rs.getLong(1), rs.getObject(2, LocalDate.class)),
                tenant.value(), plan);
        return last;
    }

    /** A customer a plan may give a task: id, account manager, birthday. */
    public record Candidate(long customerId, @Nullable Long managerId, @Nullable LocalDate birthday) {
    }

    /**
     * The customers the plan targets (its segment in the current run; every customer for a greeting without one)
     * that have no open task of the plan. Null {@code run} with a segment: nobody.
     */
    public List<Candidate> candidates(TenantId tenant, RevisitPlan plan, @Nullable Long run) {
        if (plan.segment() != null && run == null && !GRADE.equals(plan.scheme())) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        StringBuilder sql = new StringBuilder("select c.id, c.account_manager_id, c.birthday from customer c"
                + " where c.tenant_id = ?");
        if (plan.kind() == PlanKind.BIRTHDAY) {
            sql.append(" and c.birthday is not null");
        }
        if (plan.segment() != null) {
            sql.append(" and exists (").append(member(plan, run, "c", params)).append(")");
        }
        sql.append(" and not exists (select 1 from revisit_task o where o.tenant_id = c.tenant_id"
                + " and o.customer_id = c.id and o.open_plan = ?)");
        params.add(plan.id());
        List<Candidate> found = new ArrayList<>();
        jdbc.query(sql.toString(), (RowCallbackHandler) rs -> found.add(new Candidate(rs.getLong(1),
                rs.getObject(2, Long.class), rs.getObject(3, LocalDate.class))), params.toArray());
        return found;
    }

    /** A task to create: customer, manager, due date. */
    public record NewTask(long customerId, @Nullable Long managerId, LocalDate dueOn) {
    }

    public void insertTasks(TenantId tenant, RevisitPlan plan, List<NewTask> tasks, Instant now) {
        insertTasks(tenant, plan, plan.channel(), tasks, null, now);
    }

    /** Creates open tasks of a plan, by this channel, with a note (null: none), in batches. */
    public void insertTasks(TenantId tenant, RevisitPlan plan, ContactChannel channel, List<NewTask> tasks,
            @Nullable String note, Instant now) {
        for (int from = 0; from < tasks.size(); from += 1000) {
            List<Object[]> batch = tasks.subList(from, Math.min(tasks.size(), from + 1000)).stream()
                    .map(t -> new Object[] {tenant.value(), t.customerId(), plan.id(), t.managerId(),
                        Date.valueOf(t.dueOn()), channel.name(), plan.priority(), note, Timestamp.from(now)})
                    .toList();
            jdbc.batchUpdate("""
                    insert into revisit_task (tenant_id, customer_id, plan_id, manager_id, due_on, channel, priority,
                                              status, note, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""", batch);
        }
    }

    /** SQL testing that the customer of {@code alias}.customer_id (or c.id) is in the plan's segment of the run. */
    private static String member(RevisitPlan plan, @Nullable Long run, String alias, List<Object> params) {
        String customer = alias.equals("c") ? "c.id" : alias + ".customer_id";
        if (GRADE.equals(plan.scheme())) {
            params.add(plan.segment());
            return "select 1 from prospect_grade g where g.tenant_id = " + alias + ".tenant_id and g.customer_id = "
                    + customer + " and g.grade = ?";
        }
        if ("RULE".equals(plan.scheme())) {
            params.add(run);
            params.add(plan.segment());
            return "select 1 from rule_segment_member m join rule_segment r on r.tenant_id = m.tenant_id"
                    + " and r.id = m.segment_id where m.tenant_id = " + alias + ".tenant_id and m.run_id = ?"
                    + " and m.customer_id = " + customer + " and r.seg_key = ?";
        }
        String column = SEGMENT_COLUMNS.get(plan.scheme());
        if (column == null) {
            throw new IllegalArgumentException("unknown scheme " + plan.scheme());
        }
        params.add(run);
        params.add(plan.segment());
        return "select 1 from customer_segment s where s.tenant_id = " + alias + ".tenant_id and s.run_id = ?"
                + " and s.customer_id = " + customer + " and " + column + " = ?";
    }

    // --- tasks ----------------------------------------------------------------------------------------------------

    /**
     * Open tasks in a window, most urgent first. {@code manager}: a user's tasks; {@code UNASSIGNED}: the queue;
     * null: everyone's.
     */
    public List<RevisitTask> open(TenantId tenant, @Nullable Long manager, String dueCondition, LocalDate today,
            int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = openWhere(tenant, manager, dueCondition, today, params);
        params.add(limit);
        params.add(offset);
        return jdbc.query(TASK_SELECT + where + " order by t.due_on, t.priority, t.id limit ? offset ?",
                (rs, i) -> task(rs), params.toArray());
    }

    public long countOpen(TenantId tenant, @Nullable Long manager, String dueCondition, LocalDate today) {
        List<Object> params = new ArrayList<>();
        String where = openWhere(tenant, manager, dueCondition, today, params);
        Long n = jdbc.queryForObject("select count(*) from revisit_task t" + where, Long.class, params.toArray());
        return n == null ? 0 : n;
    }

    /** The value of {@code manager} that stands for the unassigned queue. */
    public static final long UNASSIGNED = -1;

    private static String openWhere(TenantId tenant, @Nullable Long manager, String dueCondition, LocalDate today,
            List<Object> params) {
        params.add(tenant.value());
        params.add(Date.valueOf(today));
        StringBuilder where = new StringBuilder(" where t.tenant_id = ? and t.status = 'OPEN' and t.due_on ")
                .append(dueCondition).append(" ?");
        if (manager != null && manager == UNASSIGNED) {
            where.append(" and t.manager_id is null");
        } else if (manager != null) {
            where.append(" and t.manager_id = ?");
            params.add(manager);
        }
        return where.toString();
    }

    public Optional<RevisitTask> task(TenantId tenant, long id) {
        return jdbc.query(TASK_SELECT + " where t.tenant_id = ? and t.id = ?", (rs, i) -> task(rs),
                tenant.value(), id).stream().findFirst();
    }

    /** Closes an open task with its outcome; false when it was not open (closed by someone else meanwhile). */
    public boolean close(TenantId tenant, long id, TaskOutcome outcome, @Nullable String note,
            @Nullable LocalDate nextOn, LocalDate doneOn, long user, Instant now) {
        return jdbc.update("""
                update revisit_task set status = 'DONE', outcome = ?, note = ?, next_on = ?, done_on = ?,
                       done_by = ?, done_at = ?
                 where tenant_id = ? and id = ? and status = 'OPEN'""", outcome.name(), note,
                nextOn == null ? null : Date.valueOf(nextOn), Date.valueOf(doneOn), user, Timestamp.from(now),
                tenant.value(), id) == 1;
    }

    /** A customer's tasks, open ones first, then the latest done. */
    public List<RevisitTask> ofCustomer(TenantId tenant, long customer, int limit) {
        return jdbc.query(TASK_SELECT + " where t.tenant_id = ? and t.customer_id = ? and t.status <> 'CANCELLED'"
                + " order by case when t.status = 'OPEN' then 0 else 1 end, coalesce(t.done_on, t.due_on) desc,"
                + " t.id desc limit ?", (rs, i) -> task(rs), tenant.value(), customer, limit);
    }

    /**
     * Open tasks per manager ({@link #UNASSIGNED} for the queue) and due date, due from {@code from} (null: also the
     * overdue ones) up to {@code to} (null: all ahead).
     */
    public Map<Long, Map<LocalDate, Integer>> openLoad(TenantId tenant, @Nullable LocalDate from,
            @Nullable LocalDate to) {
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        StringBuilder sql = new StringBuilder("select manager_id, due_on, count(*) from revisit_task"
                + " where tenant_id = ? and status = 'OPEN'");
        if (from != null) {
            sql.append(" and due_on >= ?");
            params.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" and due_on <= ?");
            params.add(Date.valueOf(to));
        }
        sql.append(" group by manager_id, due_on");
        Map<Long, Map<LocalDate, Integer>> load = new HashMap<>();
        jdbc.query(sql.toString(), (RowCallbackHandler) rs -> {
            Long manager = rs.getObject(1, Long.class);
            load.computeIfAbsent(manager == null ? UNASSIGNED : manager, m -> new HashMap<>())
                    .put(rs.getObject(2, LocalDate.class), rs.getInt(3));
        }, params.toArray());
        return load;
    }

    /** The daily capacities the owner set, per manager. */
    public Map<Long, Integer> capacities(TenantId tenant) {
        Map<Long, Integer> capacities = new HashMap<>();
        jdbc.query("select user_id, daily_tasks from revisit_capacity where tenant_id = ?",
                (RowCallbackHandler) rs -> capacities.put(rs.getLong(1), rs.getInt(2)), tenant.value());
        return capacities;
    }

    public void setCapacity(TenantId tenant, long manager, int dailyTasks) {
        if (jdbc.update("update revisit_capacity set daily_tasks = ? where tenant_id = ? and user_id = ?",
                dailyTasks, tenant.value(), manager) == 0) {
            jdbc.update("insert into revisit_capacity (tenant_id, user_id, daily_tasks) values (?, ?, ?)",
                    tenant.value(), manager, dailyTasks);
        }
    }

    /**
     * The customers of a segment in the current run per account manager ({@link #UNASSIGNED} for none): whom a plan
     * for it would contact. Null {@code scheme}: every customer.
     */
    public Map<Long, Integer> membersByManager(TenantId tenant, @Nullable String scheme, @Nullable String segment,
            boolean withBirthday, @Nullable Long run) {
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        StringBuilder sql = new StringBuilder("select c.account_manager_id, count(*) from customer c"
                + " where c.tenant_id = ?");
        if (withBirthday) {
            sql.append(" and c.birthday is not null");
        }
        if (scheme != null && segment != null) {
            if (run == null && !GRADE.equals(scheme)) {
                return Map.of();
            }
            RevisitPlan probe = new RevisitPlan(0, "", PlanKind.CADENCE, scheme, segment, null, null, null, null,
                    ContactChannel.CALL, null, 1, true, 0, null);
            sql.append(" and exists (").append(member(probe, run, "c", params)).append(")");
        }
        sql.append(" group by c.account_manager_id");
        Map<Long, Integer> members = new HashMap<>();
        jdbc.query(sql.toString(), (RowCallbackHandler) rs -> {
            Long manager = rs.getObject(1, Long.class);
            members.put(manager == null ? UNASSIGNED : manager, rs.getInt(2));
        }, params.toArray());
        return members;
    }

    /** Each manager's open, overdue and recently done tasks. */
    public List<TeamLoad> team(TenantId tenant, LocalDate today) {
        return jdbc.query("""
                select t.manager_id,
                       sum(case when t.status = 'OPEN' then 1 else 0 end),
                       sum(case when t.status = 'OPEN' and t.due_on < ? then 1 else 0 end),
                       sum(case when t.status = 'DONE' and t.done_on >= ? then 1 else 0 end)
                  from revisit_task t
                 where t.tenant_id = ? and (t.status = 'OPEN' or (t.status = 'DONE' and t.done_on >= ?))
                 group by t.manager_id
                 order by t.manager_id""", (rs, i) -> new TeamLoad(rs.getObject(1, Long.class), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)), Date.valueOf(today), Date.valueOf(today.minusDays(30)),
                tenant.value(), Date.valueOf(today.minusDays(30)));
    }

    private static RevisitPlan plan(ResultSet rs) throws SQLException {
        String cadence = rs.getString("cadence");
        return new RevisitPlan(rs.getLong("id"), rs.getString("name"), PlanKind.valueOf(rs.getString("kind")),
                rs.getString("scheme"), rs.getString("segment"), cadence == null ? null : Cadence.valueOf(cadence),
                rs.getObject("every_days", Integer.class), rs.getObject("holiday_month", Integer.class),
                rs.getObject("holiday_day", Integer.class), ContactChannel.valueOf(rs.getString("channel")),
                rs.getString("script"), rs.getInt("priority"), rs.getBoolean("active"), rs.getInt("version"),
                rs.getString("preset"));
    }

    private static RevisitTask task(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new RevisitTask(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("code"),
                rs.getString("name"), rs.getString("phone"), rs.getLong("plan_id"), rs.getString("plan_name"),
                rs.getString("script"), rs.getObject("manager_id", Long.class), rs.getObject("due_on", LocalDate.class),
                ContactChannel.valueOf(rs.getString("channel")), rs.getInt("priority"), rs.getString("status"),
                outcome == null ? null : TaskOutcome.valueOf(outcome), rs.getString("note"),
                rs.getObject("done_on", LocalDate.class));
    }
}
