package com.tierpilot.revisit;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.revisit.persistence.RevisitRepository;
import com.tierpilot.revisit.persistence.RevisitRepository.Candidate;
import com.tierpilot.revisit.persistence.RevisitRepository.NewTask;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revisit tasks: created each night from the plans for the customer's account manager (or the unassigned queue),
 * worked from "My tasks", and shown on the customer's page.
 *
 * <p>Dates: a cadence plan's next contact is counted from the customer's last contact under any cadence plan (or
 * the next date its manager set), so when a customer moves to another tier the open task of the old tier's plan is
 * cancelled and the new tier's cadence counts from that same last contact. A customer never contacted is due at
 * once. Greetings fall on the birthday or the holiday, once a year. Tasks are created up to a week ahead, so that
 * the coming week shows; a customer never has two open tasks of one plan (the database enforces it).
 */
@Service
@Transactional(readOnly = true)
public class RevisitTaskService {

    /** The value of {@code manager} that stands for the unassigned queue. */
    public static final long UNASSIGNED = RevisitRepository.UNASSIGNED;
    /** Tasks are created this many days before they are due. */
    public static final int LOOKAHEAD_DAYS = 7;
    /** The tasks a manager can do in a day when the owner has not set it. */
    public static final int DEFAULT_CAPACITY = 8;
    /** The most a manager's daily capacity can be set to. */
    public static final int MAX_CAPACITY = 200;
    private static final Logger log = LoggerFactory.getLogger(RevisitTaskService.class);

    private final CustomerProfileService customers;
    private final RevisitRepository store;
    private final TenantService tenants;
    private final Clock clock;

    RevisitTaskService(RevisitRepository store, CustomerProfileService customers, TenantService tenants, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Today in the company's time zone. */
    public LocalDate today(TenantId tenant) {
        return tenants.today(tenant);
    }

    /**
     * The night's work for one company: cancels what no longer applies, hands open tasks to the customers' current
     * managers, and creates the tasks due by {@code today} + {@link #LOOKAHEAD_DAYS}. Idempotent: running it again
     * creates nothing. Returns how many tasks it created.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int generate(TenantId tenant, LocalDate today) {
        Instant now = clock.instant();
        Long run = store.currentRun(tenant);
        store.cancelOfInactivePlans(tenant, now);
        List<RevisitPlan> plans = store.plans(tenant, true);
        int moved = 0;
        for (RevisitPlan plan : plans) {
            if (plan.segment() != null && (run != null || "GRADE".equals(plan.scheme()))) {
                moved += store.cancelOutsideSegment(tenant, plan, run, now);
            }
        }
        store.followManagers(tenant);
        Map<Long, LocalDate[]> lastContacts = store.lastCadenceContacts(tenant);
        LocalDate horizon = today.plusDays(LOOKAHEAD_DAYS);
        DailyCapacity capacity = new DailyCapacity(store.capacities(tenant), store.openLoad(tenant, today, null));
        int created = 0;
        for (RevisitPlan plan : plans) { // the most urgent plans take the free days first
            if (plan.kind() == PlanKind.MANUAL || plan.kind() == PlanKind.CAMPAIGN) {
                continue;
            }
            Map<Long, LocalDate> lastGreetings = plan.kind() == PlanKind.CADENCE ? Map.of()
                    : store.lastGreetings(tenant, plan.id());
            List<NewTask> due = new ArrayList<>();
            for (Candidate c : store.candidates(tenant, plan, run)) {
                LocalDate on = switch (plan.kind()) {
                    case CADENCE -> nextContact(plan, c.customerId(), lastContacts.get(c.customerId()), today);
                    case BIRTHDAY -> nextDay(MonthDay.from(c.birthday()), lastGreetings.get(c.customerId()), today);
                    case HOLIDAY -> nextDay(MonthDay.of(plan.holidayMonth(), plan.holidayDay()),
                            lastGreetings.get(c.customerId()), today);
                    case MANUAL, CAMPAIGN -> throw new IllegalStateException("manual plans are not generated");
                };
                if (!on.isAfter(horizon)) {
                    due.add(new NewTask(c.customerId(), c.managerId(), on));
                }
            }
            due.sort(Comparator.comparing(NewTask::dueOn).thenComparingLong(NewTask::customerId));
            List<NewTask> tasks = new ArrayList<>(due.size());
            for (NewTask task : due) {
                LocalDate[] last = lastContacts.get(task.customerId());
                boolean fixedDay = plan.kind() != PlanKind.CADENCE || last != null && last[1] != null;
                if (fixedDay) {
                    // A greeting falls on its day, and a date the manager chose is kept; both count in the day.
                    capacity.keep(task.managerId(), task.dueOn());
                    tasks.add(task);
                } else {
                    LocalDate from = task.dueOn().isBefore(today) ? today : task.dueOn();
                    tasks.add(new NewTask(task.customerId(), task.managerId(), capacity.place(task.managerId(),
                            from)));
                }
            }
            store.insertTasks(tenant, plan, tasks, now);
            created += tasks.size();
        }
        log.info("Revisit tasks for {}: {} created, {} cancelled after a tier change", today, created, moved);
        return created;
    }

    /**
     * The next contact under a cadence plan after the last one ({@code done on}, {@code next on set}); a customer
     * never contacted gets a day of the plan's first period ({@link WorkingDays#firstContact}).
     */
    static LocalDate nextContact(RevisitPlan plan, long customerId, LocalDate @Nullable [] last, LocalDate today) {
        int everyDays = plan.everyDays() == null ? 0 : plan.everyDays();
        if (last == null) {
            return WorkingDays.firstContact(plan.id(), customerId, plan.cadence(), everyDays, today);
        }
        if (last[1] != null) {
            return last[1];
        }
        return plan.cadence().after(last[0], everyDays);
    }

    /** The next yearly date on or after today, and after the last greeting's date (29 February: the 28th). */
    static LocalDate nextDay(MonthDay day, @Nullable LocalDate lastGreeting, LocalDate today) {
        LocalDate from = lastGreeting == null || lastGreeting.isBefore(today) ? today : lastGreeting.plusDays(1);
        LocalDate candidate = day.atYear(from.getYear());
        return candidate.isBefore(from) ? day.atYear(from.getYear() + 1) : candidate;
    }

    /**
     * Open tasks in a window. An account manager sees their own; an owner or marketer sees a manager's
     * ({@code manager}), the unassigned queue ({@link #UNASSIGNED}) or, with null, everyone's.
     */
    public List<RevisitTask> open(TenantId tenant, UserId viewer, Role role, @Nullable Long manager,
            TaskWindow window, LocalDate today, int offset, int limit) {
        return store.open(tenant, scope(viewer, role, manager), condition(window), today, offset, limit);
    }

    public long countOpen(TenantId tenant, UserId viewer, Role role, @Nullable Long manager, TaskWindow window,
            LocalDate today) {
        return store.countOpen(tenant, scope(viewer, role, manager), condition(window), today);
    }

    /**
     * Logs how a task went and closes it; {@code nextOn} (optional, after today) sets the next contact instead of
     * the cadence. An account manager may close only their own tasks.
     */
    @Transactional
    public void logOutcome(TenantId tenant, UserId user, Role role, long taskId, TaskOutcome outcome,
            @Nullable String note, @Nullable LocalDate nextOn) {
        RevisitTask task = store.task(tenant, taskId).orElseThrow(() -> new NotFoundException("task"));
        if (role == Role.ACCOUNT_MANAGER && (task.managerId() == null || task.managerId() != user.value())) {
            throw new NotFoundException("task");
        }
        LocalDate today = today(tenant);
        if (nextOn != null && !nextOn.isAfter(today)) {
            throw new UserFacingException("revisit.error.nextOn");
        }
        if (note != null && note.length() > 1000) {
            throw new UserFacingException("revisit.error.note");
        }
        if (!store.close(tenant, taskId, outcome, note == null || note.isBlank() ? null : note.strip(), nextOn, today,
                user.value(), clock.instant())) {
            throw new com.tierpilot.base.ConflictException("revisit.error.closed");
        }
    }

    /**
     * A follow-up a manager sets by hand (from the churn list): one open at a time per customer, for the account
     * manager who sets it, or (set by an owner or marketer) for the customer's manager or the unassigned queue.
     * {@code planName} names the company's follow-up plan when this is its first.
     */
    @Transactional
    public RevisitTask createFollowUp(TenantId tenant, UserId user, Role role, long customerId, LocalDate dueOn,
            ContactChannel channel, @Nullable String note, String planName) {
        UserId assigned = customers.byId(tenant, customerId).orElseThrow(() -> new NotFoundException("customer"))
                .accountManager();
        Long manager = assigned == null ? null : assigned.value();
        if (role == Role.ACCOUNT_MANAGER && (manager == null || manager != user.value())) {
            throw new NotFoundException("customer");
        }
        if (dueOn.isBefore(today(tenant))) {
            throw new UserFacingException("revisit.error.dueOn");
        }
        if (note != null && note.length() > 1000) {
            throw new UserFacingException("revisit.error.note");
        }
        RevisitPlan plan = store.plans(tenant, false).stream().filter(p -> p.kind() == PlanKind.MANUAL).findFirst()
                .orElseGet(() -> store.plan(tenant, store.insertPlan(tenant, new RevisitPlanDraft(planName,
                        PlanKind.MANUAL, null, null, null, null, null, null, ContactChannel.CALL, null, 1, true),
                        clock.instant())).orElseThrow());
        try {
            store.insertTasks(tenant, plan, channel, List.of(new NewTask(customerId,
                    role == Role.ACCOUNT_MANAGER ? Long.valueOf(user.value()) : manager, dueOn)),
                    note == null || note.isBlank() ? null : note.strip(), clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException open) {
            throw new com.tierpilot.base.ConflictException("revisit.error.openFollowUp");
        }
        return store.ofCustomer(tenant, customerId, 50).stream().filter(t -> t.open() && t.planId() == plan.id())
                .findFirst().orElseThrow();
    }

    /** A customer's tasks, open first, then the latest outcomes: the customer page's timeline of contacts. */
    public List<RevisitTask> ofCustomer(TenantId tenant, long customerId, int limit) {
        return store.ofCustomer(tenant, customerId, limit);
    }

    /** Each manager's daily capacity: the one set, else {@link #DEFAULT_CAPACITY}. */
    public int capacity(TenantId tenant, long manager) {
        return store.capacities(tenant).getOrDefault(manager, DEFAULT_CAPACITY);
    }

    /** Sets how many tasks a manager can do a day; tasks created from the next night on respect it. */
    @PreAuthorize("hasRole('OWNER')")
    @Transactional
    public void setCapacity(TenantId tenant, long manager, int dailyTasks) {
        if (dailyTasks < 1 || dailyTasks > MAX_CAPACITY) {
            throw new UserFacingException("tasks.error.capacity", MAX_CAPACITY);
        }
        store.setCapacity(tenant, manager, dailyTasks);
    }

    /**
     * The load ahead: each manager's (and the unassigned queue's, key {@link #UNASSIGNED}) open tasks on each of the
     * next {@code days} working days from today, with overdue tasks counted on today.
     */
    public Map<Long, List<Integer>> loadAhead(TenantId tenant, LocalDate today, int days) {
        LocalDate first = WorkingDays.onOrAfter(today);
        long firstIndex = WorkingDays.index(first);
        LocalDate last = WorkingDays.at(firstIndex + days - 1);
        Map<Long, List<Integer>> ahead = new java.util.TreeMap<>();
        store.openLoad(tenant, null, last).forEach((manager, byDay) -> {
            Integer[] counts = new Integer[days];
            java.util.Arrays.fill(counts, 0);
            byDay.forEach((day, n) -> {
                int i = day.isBefore(first) ? 0 : (int) (WorkingDays.index(day) - firstIndex);
                counts[Math.min(i, days - 1)] += n;
            });
            ahead.put(manager, List.of(counts));
        });
        return ahead;
    }

    /** The next {@code days} working days from today, the columns of {@link #loadAhead}. */
    public List<LocalDate> workingDaysAhead(LocalDate today, int days) {
        long first = WorkingDays.index(today);
        return java.util.stream.LongStream.range(first, first + days).mapToObj(WorkingDays::at).toList();
    }

    /** Per manager: open, overdue and done in the last 30 days. */
    public List<TeamLoad> team(TenantId tenant, LocalDate today) {
        return store.team(tenant, today);
    }

    private static @Nullable Long scope(UserId viewer, Role role, @Nullable Long manager) {
        return role == Role.ACCOUNT_MANAGER ? Long.valueOf(viewer.value()) : manager;
    }

    private static String condition(TaskWindow window) {
        return switch (window) {
            case TODAY -> "=";
            case OVERDUE -> "<";
            case UPCOMING -> ">";
        };
    }
}
