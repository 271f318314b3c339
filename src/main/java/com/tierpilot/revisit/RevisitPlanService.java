package com.tierpilot.revisit;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.revisit.persistence.RevisitRepository;
import java.time.Clock;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's revisit plans: which customers are contacted how often, how and with what script, with presets
 * from practice (ABC: A monthly visit, B half-monthly call, C quarterly message; A–E grades; birthday and holiday
 * greetings).
 */
@Service
@Transactional(readOnly = true)
public class RevisitPlanService {

    /** The schemes a plan can target: segments of the current segmentation run. */
    public static final List<String> SCHEMES = List.of("ABC", "RFM", "LIFECYCLE", "RULE", "GRADE");
    private static final Set<String> ABC = Set.of("A", "B", "C");
    private static final Set<String> GRADES = Set.of("A", "B", "C", "D", "E");

    private final RevisitRepository store;
    private final Clock clock;

    RevisitPlanService(RevisitRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<RevisitPlan> list(TenantId tenant) {
        return store.plans(tenant, false);
    }

    public RevisitPlan get(TenantId tenant, long id) {
        return store.plan(tenant, id).orElseThrow(() -> new NotFoundException("plan"));
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public RevisitPlan create(TenantId tenant, RevisitPlanDraft draft) {
        return get(tenant, store.insertPlan(tenant, valid(draft), clock.instant()));
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public RevisitPlan update(TenantId tenant, long id, int version, RevisitPlanDraft draft) {
        get(tenant, id);
        if (!store.updatePlan(tenant, id, version, valid(draft), clock.instant())) {
            throw new ConflictException("revisit.error.changed");
        }
        return get(tenant, id);
    }

    /**
     * The presets: the ABC plans of the seed (tier A a monthly visit by a senior manager, priority 1; B a
     * half-monthly call, 2; C a quarterly message, 3) and a birthday greeting. Their names and scripts are stored as
     * message keys, so that every user reads them in their own language until someone renames them.
     */
    public static final List<String> PRESETS = List.of("ABC_A", "ABC_B", "ABC_C", "BIRTHDAY", "GRADE_A", "GRADE_B",
            "GRADE_C", "GRADE_D");
    private static final List<String> ABC_PRESETS = List.of("ABC_A", "ABC_B", "ABC_C");
    /** The seed's A-E follow-up (追踪志): A daily, B weekly, C every 15 days, D every 30 days; E none. */
    public static final List<String> GRADE_PRESETS = List.of("GRADE_A", "GRADE_B", "GRADE_C", "GRADE_D");

    /** The presets the company has not added yet (a preset is added once). */
    public Set<String> missingPresets(TenantId tenant) {
        Set<String> missing = new java.util.LinkedHashSet<>(PRESETS);
        store.plans(tenant, false).forEach(p -> missing.remove(p.preset()));
        return missing;
    }

    /** Adds those of the ABC presets that the company does not have yet; returns the plans added. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public List<RevisitPlan> addAbcPresets(TenantId tenant) {
        Set<String> missing = missingPresets(tenant);
        if (ABC_PRESETS.stream().noneMatch(missing::contains)) {
            throw new ConflictException("revisit.preset.abc.exists");
        }
        List<RevisitPlan> added = new java.util.ArrayList<>();
        if (missing.contains("ABC_A")) {
            added.add(createPreset(tenant, "ABC_A", preset("A", Cadence.MONTHLY, ContactChannel.VISIT, 1)));
        }
        if (missing.contains("ABC_B")) {
            added.add(createPreset(tenant, "ABC_B", preset("B", Cadence.HALF_MONTHLY, ContactChannel.CALL, 2)));
        }
        if (missing.contains("ABC_C")) {
            added.add(createPreset(tenant, "ABC_C", preset("C", Cadence.QUARTERLY, ContactChannel.WECHAT, 3)));
        }
        return added;
    }

    /**
     * Adds those of the "A-E follow-up" plans that the company does not have yet: prospects of grade A are followed
     * up daily (a call), B weekly (a call), C every 15 days and D every 30 days (a message); E, no need or lost, not
     * at all. Tasks go to each owner's My tasks within their daily capacity; a follow-up logged counts as the contact.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public List<RevisitPlan> addGradePresets(TenantId tenant) {
        Set<String> missing = missingPresets(tenant);
        if (GRADE_PRESETS.stream().noneMatch(missing::contains)) {
            throw new ConflictException("revisit.preset.grades.exists");
        }
        List<RevisitPlan> added = new java.util.ArrayList<>();
        for (String preset : GRADE_PRESETS) {
            if (missing.contains(preset)) {
                String grade = preset.substring("GRADE_".length());
                RevisitPlanDraft draft = switch (grade) {
                    case "A" -> gradePreset(grade, Cadence.EVERY_N_DAYS, 1, ContactChannel.CALL, 1);
                    case "B" -> gradePreset(grade, Cadence.WEEKLY, null, ContactChannel.CALL, 1);
                    case "C" -> gradePreset(grade, Cadence.HALF_MONTHLY, null, ContactChannel.WECHAT, 2);
                    default -> gradePreset(grade, Cadence.EVERY_N_DAYS, 30, ContactChannel.WECHAT, 3);
                };
                added.add(createPreset(tenant, preset, draft));
            }
        }
        return added;
    }

    private static RevisitPlanDraft gradePreset(String grade, Cadence cadence, @org.jspecify.annotations.Nullable
            Integer everyDays, ContactChannel channel, int priority) {
        return new RevisitPlanDraft("revisit.preset.grade." + grade + ".name", PlanKind.CADENCE, "GRADE", grade,
                cadence, everyDays, null, null, channel, "revisit.preset.grade." + grade + ".script", priority, true);
    }

    /** Adds a birthday greeting for every customer with a birthday, once. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public RevisitPlan addBirthdayGreeting(TenantId tenant) {
        if (!missingPresets(tenant).contains("BIRTHDAY")) {
            throw new ConflictException("revisit.preset.birthday.exists");
        }
        return createPreset(tenant, "BIRTHDAY", new RevisitPlanDraft("revisit.preset.birthday.name",
                PlanKind.BIRTHDAY, null, null, null, null, null, null, ContactChannel.WECHAT,
                "revisit.preset.birthday.script", 2, true));
    }

    private RevisitPlan createPreset(TenantId tenant, String preset, RevisitPlanDraft draft) {
        return get(tenant, store.insertPlan(tenant, valid(draft), preset, clock.instant()));
    }

    private static RevisitPlanDraft preset(String tier, Cadence cadence, ContactChannel channel, int priority) {
        return new RevisitPlanDraft("revisit.preset." + tier + ".name", PlanKind.CADENCE, "ABC", tier, cadence, null,
                null, null, channel, "revisit.preset." + tier + ".script", priority, true);
    }

    /**
     * About how many tasks a week a plan would give each account manager ({@link RevisitTaskService#UNASSIGNED} for the
     * queue): the customers it targets in the current run, divided by its cadence in weeks. Shown before saving.
     */
    public Map<Long, Double> weeklyTasks(TenantId tenant, RevisitPlanDraft draft) {
        boolean targeted = draft.scheme() != null && draft.segment() != null;
        if (draft.kind() == PlanKind.MANUAL || draft.kind() == PlanKind.CAMPAIGN
                || draft.scheme() != null && draft.segment() == null
                || draft.kind() == PlanKind.CADENCE && (!targeted || draft.cadence() == null)) {
            return Map.of();
        }
        double weeks = switch (draft.kind()) {
            case CADENCE -> WorkingDays.period(draft.cadence(), draft.everyDays() == null ? 1 : draft.everyDays())
                    / 5.0;
            case BIRTHDAY, HOLIDAY -> 52.0;
            case MANUAL, CAMPAIGN -> throw new IllegalStateException();
        };
        Map<Long, Double> perWeek = new java.util.TreeMap<>();
        store.membersByManager(tenant, draft.scheme(), draft.segment(), draft.kind() == PlanKind.BIRTHDAY,
                store.currentRun(tenant)).forEach((manager, members) -> perWeek.put(manager,
                        draft.kind() == PlanKind.HOLIDAY ? members : members / weeks));
        return perWeek;
    }

    private static RevisitPlanDraft valid(RevisitPlanDraft d) {
        if (d.name() == null || d.name().isBlank() || d.name().length() > 120) {
            throw new UserFacingException("revisit.error.name");
        }
        if (d.priority() < 1 || d.priority() > 3) {
            throw new UserFacingException("revisit.error.priority");
        }
        if (d.script() != null && d.script().length() > 2000) {
            throw new UserFacingException("revisit.error.script");
        }
        boolean segment = d.scheme() != null || d.segment() != null;
        if (segment && (d.scheme() == null || !SCHEMES.contains(d.scheme()) || d.segment() == null
                || d.segment().isBlank() || ("ABC".equals(d.scheme()) && !ABC.contains(d.segment()))
                || ("GRADE".equals(d.scheme()) && !GRADES.contains(d.segment())))) {
            throw new UserFacingException("revisit.error.segment");
        }
        switch (d.kind()) {
            case CADENCE -> {
                if (!segment) {
                    throw new UserFacingException("revisit.error.segment");
                }
                if (d.cadence() == null || (d.cadence() == Cadence.EVERY_N_DAYS
                        && (d.everyDays() == null || d.everyDays() < 1 || d.everyDays() > 366))) {
                    throw new UserFacingException("revisit.error.cadence");
                }
            }
            case HOLIDAY -> {
                if (d.holidayMonth() == null || d.holidayDay() == null || !validDay(d.holidayMonth(),
                        d.holidayDay())) {
                    throw new UserFacingException("revisit.error.holiday");
                }
            }
            case BIRTHDAY -> {
                // A birthday is the customer's own.
            }
            case MANUAL, CAMPAIGN -> throw new UserFacingException("revisit.error.cadence");
        }
        return d;
    }

    private static boolean validDay(int month, int day) {
        try {
            MonthDay.of(month, day);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
