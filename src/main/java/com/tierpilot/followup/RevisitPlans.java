package com.tierpilot.followup;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.followup.persistence.RevisitStore;
import java.time.Clock;
import java.time.MonthDay;
import java.util.List;
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
public class RevisitPlans {

    /** The schemes a plan can target: segments of the current segmentation run. */
    public static final List<String> SCHEMES = List.of("ABC", "RFM", "LIFECYCLE", "RULE");
    private static final Set<String> ABC = Set.of("A", "B", "C");

    private final RevisitStore store;
    private final Clock clock;

    RevisitPlans(RevisitStore store, Clock clock) {
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
     * Adds the ABC presets of the seed: tier A a monthly visit by a senior manager (priority 1), B a half-monthly
     * call (2), C a quarterly message (3); the scripts are starting points in the user's language.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public List<RevisitPlan> addAbcPresets(TenantId tenant, java.util.function.Function<String, String> translate) {
        return List.of(
                create(tenant, preset(translate, "A", Cadence.MONTHLY, ContactChannel.VISIT, 1)),
                create(tenant, preset(translate, "B", Cadence.HALF_MONTHLY, ContactChannel.CALL, 2)),
                create(tenant, preset(translate, "C", Cadence.QUARTERLY, ContactChannel.WECHAT, 3)));
    }

    /** Adds a birthday greeting for every customer with a birthday. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public RevisitPlan addBirthdayGreeting(TenantId tenant, java.util.function.Function<String, String> translate) {
        return create(tenant, new RevisitPlanDraft(translate.apply("revisit.preset.birthday.name"),
                PlanKind.BIRTHDAY, null, null, null, null, null, null, ContactChannel.WECHAT,
                translate.apply("revisit.preset.birthday.script"), 2, true));
    }

    private static RevisitPlanDraft preset(java.util.function.Function<String, String> translate, String tier,
            Cadence cadence, ContactChannel channel, int priority) {
        return new RevisitPlanDraft(translate.apply("revisit.preset." + tier + ".name"), PlanKind.CADENCE, "ABC",
                tier, cadence, null, null, null, channel, translate.apply("revisit.preset." + tier + ".script"),
                priority, true);
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
                || d.segment().isBlank() || ("ABC".equals(d.scheme()) && !ABC.contains(d.segment())))) {
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
            case MANUAL -> throw new UserFacingException("revisit.error.cadence");
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
