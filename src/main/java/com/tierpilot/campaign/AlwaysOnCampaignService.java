package com.tierpilot.campaign;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.campaign.persistence.AlwaysOnRepository;
import com.tierpilot.campaign.persistence.AlwaysOnRepository.Candidate;
import com.tierpilot.campaign.persistence.AlwaysOnRepository.DaySums;
import com.tierpilot.campaign.persistence.AlwaysOnRepository.Due;
import com.tierpilot.campaign.persistence.AlwaysOnRepository.NewEntry;
import com.tierpilot.campaign.persistence.AlwaysOnRepository.State;
import com.tierpilot.campaign.persistence.CampaignRepository;
import com.tierpilot.campaign.persistence.CouponRepository;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Always-on campaigns: a second kind of campaign with no fixed audience. Each night, after the recompute and the
 * predictions, it enrols the customers who met its trigger since its last night, each in target or control by the
 * launch holdouts' hash ({@link Holdout}) for good; ends the journeys that meet an exit condition; and runs the steps
 * that are due for the target entrants (a coupon code, double points for some days, a revisit task). Enrolment and
 * every step happen once per customer, entry and step: the database's unique keys decide, across retries and nodes.
 * Editing a campaign adds a version; an entrant goes through the version of its entry.
 */
@Service
@Transactional(readOnly = true)
public class AlwaysOnCampaignService {

    private static final Logger log = LoggerFactory.getLogger(AlwaysOnCampaignService.class);

    private final AlwaysOnRepository store;
    private final CampaignRepository campaigns;
    private final CouponRepository coupons;
    private final CampaignService codes;
    private final CampaignTasks tasks;
    private final TenantService tenants;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AlwaysOnCampaignService(AlwaysOnRepository store, CampaignRepository campaigns, CouponRepository coupons, CampaignService codes,
            CampaignTasks tasks, TenantService tenants, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.codes = codes;
        this.tasks = tasks;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // --- the marketer's side -----------------------------------------------------------------------------------------

    /** Saves a new always-on campaign, not yet switched on; {@code preset}: the preset it was made from, if any. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public long create(TenantId tenant, UserId user, String name, @Nullable String goal, AlwaysOnDefinition d,
            @Nullable String preset) {
        Instant now = clock.instant();
        CampaignDraft row = row(tenant, name, goal, d, now);
        long id = campaigns.insert(tenant, row, user, now);
        store.insertState(tenant, id, preset);
        store.insertVersion(tenant, id, 1, d, user.value(), now);
        log.info("Always-on campaign {} created in tenant {}", id, tenant.value());
        return id;
    }

    /**
     * Changes a campaign: a new version, which the customers who enter from now on go through; those in the
     * journey already finish the version they entered. The coupon's new discount applies to the codes issued from
     * now.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AlwaysOnCampaign update(TenantId tenant, UserId user, long id, int version, String name,
            @Nullable String goal, AlwaysOnDefinition d) {
        AlwaysOnCampaign c = require(tenant, id);
        if (c.status() == CampaignStatus.COMPLETED || c.status() == CampaignStatus.CANCELLED) {
            throw new UserFacingException("alwaysOn.error.ended");
        }
        Instant now = clock.instant();
        CampaignDraft row = row(tenant, name, goal, d, now);
        if (!store.bumpVersion(tenant, id, version)) {
            throw new com.tierpilot.base.ConflictException("alwaysOn.error.changed");
        }
        store.insertVersion(tenant, id, version + 1, d, user.value(), now);
        if (c.status() == CampaignStatus.ACTIVE && !c.paused()) {
            // The new version's trigger counts from now on, as at a switch-on.
            watch(tenant, id, d, store.runs(tenant));
        }
        campaigns.updateAlwaysOn(tenant, id, row);
        CouponTerms terms = row.coupon();
        if (terms != null) {
            if (campaigns.couponId(tenant, id).isPresent()) {
                campaigns.updateCouponDiscount(tenant, id, terms);
            } else {
                campaigns.insertCoupon(tenant, id, terms);
            }
        }
        log.info("Always-on campaign {} in tenant {} is at version {}", id, tenant.value(), version + 1);
        return require(tenant, id);
    }

    private CampaignDraft row(TenantId tenant, String name, @Nullable String goal, AlwaysOnDefinition d,
            Instant now) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > 120) {
            throw new UserFacingException("campaigns.error.name");
        }
        if (goal != null && goal.strip().length() > 500) {
            throw new UserFacingException("campaigns.error.goal");
        }
        d.validate();
        Set<Long> plans = new HashSet<>();
        tasks.plans(tenant).forEach(p -> plans.add(p.id()));
        for (JourneyStep s : d.steps()) {
            if (s.revisitPlanId() != null && !plans.contains(s.revisitPlanId())) {
                throw new UserFacingException("campaigns.error.revisitPlan");
            }
        }
        List<String> include = d.trigger() == AlwaysOnTrigger.SEGMENT ? List.of(d.scheme() + ":" + d.segment())
                : d.trigger() == AlwaysOnTrigger.TIER_DROP ? List.of("ABC:" + d.segment()) : List.of();
        return new CampaignDraft(stripped, goal, include, List.of(), null, d.holdoutPercent(), now,
                AlwaysOnDefinition.FOREVER, d.actions(), d.couponTerms(now));
    }

    /** Switches a saved campaign on: from the next night, it enrols those who meet its trigger after tonight's run. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AlwaysOnCampaign switchOn(TenantId tenant, long id) {
        require(tenant, id);
        if (!campaigns.markLaunched(tenant, id, CampaignStatus.ACTIVE, clock.instant(), 0, 0)) {
            throw new UserFacingException("alwaysOn.error.notDraft");
        }
        long[] runs = store.runs(tenant);
        store.setLastRun(tenant, id, runs == null ? null : runs[0], tenants.today(tenant));
        AlwaysOnCampaign c = require(tenant, id);
        watch(tenant, id, c.definition(), runs);
        log.info("Always-on campaign {} switched on in tenant {}", id, tenant.value());
        return c;
    }

    /** Pauses a running campaign: nights neither enrol nor act for it; codes given stay valid. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void pause(TenantId tenant, long id) {
        AlwaysOnCampaign c = require(tenant, id);
        if (c.status() != CampaignStatus.ACTIVE || c.paused()) {
            throw new UserFacingException("campaigns.error.notRunning");
        }
        store.setPaused(tenant, id, true);
    }

    /**
     * Resumes a paused campaign. Those who met the trigger while it was paused are not enrolled: it counts from the
     * current run on.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void resume(TenantId tenant, long id) {
        AlwaysOnCampaign c = require(tenant, id);
        if (c.status() != CampaignStatus.ACTIVE || !c.paused()) {
            throw new UserFacingException("alwaysOn.error.notPaused");
        }
        store.setPaused(tenant, id, false);
        long[] runs = store.runs(tenant);
        store.setLastRun(tenant, id, runs == null ? null : runs[0], tenants.today(tenant));
        watch(tenant, id, c.definition(), runs);
    }

    /**
     * For the triggers that compare with a list the campaign keeps (P(alive) under the threshold, a rule segment's
     * members), the list becomes who meets the trigger now ({@code runs}: the current and previous recompute runs,
     * null before the first), so that only those who meet it later enter.
     */
    private void watch(TenantId tenant, long id, AlwaysOnDefinition d, long @Nullable [] runs) {
        if (d.trigger() == AlwaysOnTrigger.P_ALIVE) {
            store.refreshWatch(tenant, id, java.util.Objects.requireNonNull(d.threshold()));
        } else if (d.trigger() == AlwaysOnTrigger.SEGMENT && "RULE".equals(d.scheme()) && runs != null) {
            store.refreshRuleWatch(tenant, id, java.util.Objects.requireNonNull(d.segment()), runs[0]);
        }
    }

    /** Ends a campaign for good: open journeys end, codes are refused from now on; the results stay. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void end(TenantId tenant, long id) {
        require(tenant, id);
        if (!campaigns.changeStatus(tenant, id, java.util.EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.ACTIVE),
                CampaignStatus.COMPLETED)) {
            throw new UserFacingException("campaigns.error.notRunning");
        }
        store.endAll(tenant, id, tenants.today(tenant));
        log.info("Always-on campaign {} ended in tenant {}", id, tenant.value());
    }

    public Optional<AlwaysOnCampaign> find(TenantId tenant, long id) {
        Optional<State> state = store.state(tenant, id);
        Optional<Campaign> row = campaigns.find(tenant, id);
        if (state.isEmpty() || row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(campaign(tenant, row.get(), state.get(), state.get().version()));
    }

    /** The campaign as it was at a version. */
    public AlwaysOnDefinition definition(TenantId tenant, long id, int version) {
        Campaign row = campaigns.find(tenant, id).orElseThrow(() -> new NotFoundException("campaign"));
        return store.definition(tenant, id, version, coupon(row)).orElseThrow(() -> new NotFoundException("campaign"));
    }

    private AlwaysOnCampaign campaign(TenantId tenant, Campaign row, State state, int version) {
        AlwaysOnDefinition d = store.definition(tenant, row.id(), version, coupon(row)).orElseThrow();
        return new AlwaysOnCampaign(row.id(), row.name(), row.goal(), row.status(), state.paused(), state.version(),
                d, state.preset(), row.launchedAt());
    }

    private static @Nullable AlwaysOnCoupon coupon(Campaign row) {
        CouponTerms t = row.coupon();
        return t == null ? null : new AlwaysOnCoupon(t.type(), t.value(), t.spendThreshold(), t.minSpend(),
                t.prefix(), 1);
    }

    AlwaysOnCampaign require(TenantId tenant, long id) {
        return find(tenant, id).orElseThrow(() -> new NotFoundException("campaign"));
    }

    /** The company's always-on campaigns, newest first. */
    public List<AlwaysOnCampaign> list(TenantId tenant) {
        return store.ids(tenant).stream().map(id -> find(tenant, id)).flatMap(Optional::stream).toList();
    }

    /** One page of the company's always-on campaigns, newest first, for a lazy grid. */
    public List<AlwaysOnCampaign> list(TenantId tenant, int offset, int limit) {
        return store.ids(tenant, offset, limit).stream().map(id -> find(tenant, id)).flatMap(Optional::stream)
                .toList();
    }

    public int count(TenantId tenant) {
        return store.count(tenant);
    }

    /** The entrants, newest first, one page. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<AlwaysOnEntry> entries(TenantId tenant, long id, int offset, int limit) {
        return store.entries(tenant, id, offset, limit);
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public int countEntries(TenantId tenant, long id) {
        return store.countEntries(tenant, id);
    }

    /** A customer's journeys in always-on campaigns, for the customer page. */
    public List<AlwaysOnEntry> entriesOf(TenantId tenant, long customerId) {
        return store.entriesOf(tenant, customerId);
    }

    // --- before switching on -----------------------------------------------------------------------------------------

    /** How many would have entered in one past nightly run; {@code entrants} null: the history cannot tell. */
    public record PreviewRun(LocalDate asOf, @Nullable Integer entrants) {
    }

    /** The number of past runs the preview looks at. */
    public static final int PREVIEW_RUNS = 8;

    /**
     * How many customers would have entered in each of the last {@link #PREVIEW_RUNS} recompute runs, newest first,
     * from the segment changes each run recorded (re-entry and holdout not applied).
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<PreviewRun> preview(TenantId tenant, AlwaysOnDefinition d) {
        d.validate();
        long[] runs = store.runs(tenant);
        if (runs == null) {
            return List.of();
        }
        List<AlwaysOnRepository.PastRun> past = store.pastRuns(tenant, PREVIEW_RUNS + 1);
        List<PreviewRun> preview = new ArrayList<>();
        for (int i = 0; i < Math.min(PREVIEW_RUNS, past.size()); i++) {
            AlwaysOnRepository.PastRun before = i + 1 < past.size() ? past.get(i + 1) : null;
            preview.add(new PreviewRun(past.get(i).asOf(), store.metIn(tenant, d, past.get(i), before, runs[0],
                    runs[1])));
        }
        return preview;
    }

    /** The presets, one click each: a saved campaign (not yet switched on) to edit. */
    public enum Preset {
        /** Customers who drop from tier A: a coupon now, a call after 7 days unless redeemed. */
        WIN_BACK,
        /** A thank-you after the first order, a second-purchase coupon 30 days later unless they bought. */
        WELCOME,
        /** A birthday coupon a week ahead, once a year. */
        BIRTHDAY,
        /** Customers entering tier B get a volume offer (spend more, save) to grow into A (seed 003). */
        B_TO_A;

        public String messageKey() {
            return "alwaysOn.preset." + name();
        }
    }

    /** Saves a preset as a new campaign, named in the user's language ({@code name}); returns its id. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public long createFromPreset(TenantId tenant, UserId user, Preset preset, String name) {
        return create(tenant, user, name, null, presetDefinition(tenant, preset), preset.name());
    }

    /** What a preset does; a preset with a task takes the company's first call plan (a message plan to thank). */
    public AlwaysOnDefinition presetDefinition(TenantId tenant, Preset preset) {
        AlwaysOnCoupon tenOff = new AlwaysOnCoupon(DiscountType.PERCENT, BigDecimal.TEN, null, BigDecimal.ZERO, "WB",
                30);
        return switch (preset) {
            case WIN_BACK -> new AlwaysOnDefinition(AlwaysOnTrigger.TIER_DROP, "ABC", "A", null, null,
                    CampaignDraft.DEFAULT_HOLDOUT_PERCENT, 90, Set.of(ExitCondition.BOUGHT), 30,
                    List.of(JourneyStep.coupon(0, false), JourneyStep.revisit(7, true, plan(tenant, "CALL"))),
                    tenOff);
            case WELCOME -> new AlwaysOnDefinition(AlwaysOnTrigger.FIRST_ORDER, null, null, null, 1,
                    CampaignDraft.DEFAULT_HOLDOUT_PERCENT, null, Set.of(ExitCondition.BOUGHT), 60,
                    List.of(JourneyStep.revisit(0, false, plan(tenant, "SMS")), JourneyStep.coupon(30, false)),
                    new AlwaysOnCoupon(DiscountType.PERCENT, BigDecimal.TEN, null, BigDecimal.ZERO, "HI", 30));
            case BIRTHDAY -> new AlwaysOnDefinition(AlwaysOnTrigger.BIRTHDAY, null, null, null, 7,
                    CampaignDraft.DEFAULT_HOLDOUT_PERCENT, 300, Set.of(ExitCondition.REDEEMED), 30,
                    List.of(JourneyStep.coupon(0, false)), new AlwaysOnCoupon(DiscountType.FIXED,
                            new BigDecimal("20"), null, new BigDecimal("100"), "BD", 30));
            case B_TO_A -> new AlwaysOnDefinition(AlwaysOnTrigger.SEGMENT, "ABC", "B", null, null,
                    CampaignDraft.DEFAULT_HOLDOUT_PERCENT, 90, Set.of(ExitCondition.LEFT_SEGMENT,
                            ExitCondition.REDEEMED), 60,
                    List.of(JourneyStep.coupon(0, false), JourneyStep.doublePoints(0, false, 30)),
                    new AlwaysOnCoupon(DiscountType.SPEND_SAVE, new BigDecimal("100"), new BigDecimal("1000"),
                            BigDecimal.ZERO, "GROW", 60));
        };
    }

    /** The company's first plan with the channel (e.g. CALL), else its first plan; refused without any. */
    private long plan(TenantId tenant, String channel) {
        List<CampaignTasks.PlanChoice> plans = tasks.plans(tenant);
        return plans.stream().filter(p -> p.channelKey().endsWith("." + channel)).findFirst()
                .or(() -> plans.stream().findFirst()).map(CampaignTasks.PlanChoice::id)
                .orElseThrow(() -> new UserFacingException("alwaysOn.error.presetPlan"));
    }

    // --- the night ---------------------------------------------------------------------------------------------------

    /** What a night did: entrants (target and control), journeys ended, steps done and skipped. */
    public record NightResult(int entered, int control, int exited, int stepsDone, int stepsSkipped) {

        NightResult plus(NightResult o) {
            return new NightResult(entered + o.entered, control + o.control, exited + o.exited,
                    stepsDone + o.stepsDone, stepsSkipped + o.stepsSkipped);
        }
    }

    /**
     * The night's work for one company as of {@code asOf}, after the recompute and the predictions: for each running
     * campaign, enrolment, exits, due steps and the journeys that are over. Runs again without doing anything twice.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public NightResult night(TenantId tenant, LocalDate asOf) {
        long[] runs = store.runs(tenant);
        NightResult total = new NightResult(0, 0, 0, 0, 0);
        if (runs == null) {
            return total;
        }
        for (long id : store.running(tenant)) {
            total = total.plus(night(tenant, id, runs[0], runs[1], asOf));
        }
        return total;
    }

    private NightResult night(TenantId tenant, long id, long run, long previousRun, LocalDate asOf) {
        Instant now = clock.instant();
        int[] enrolled = transaction.execute(status -> enrol(tenant, id, run, previousRun, asOf, now));
        int exited = 0;
        int done = 0;
        int skipped = 0;
        Campaign row = campaigns.find(tenant, id).orElseThrow();
        for (int version : store.openVersions(tenant, id)) {
            AlwaysOnDefinition d = store.definition(tenant, id, version, coupon(row)).orElseThrow();
            for (ExitCondition exit : d.exits()) {
                exited += transaction.execute(status -> store.exit(tenant, id, version, exit, d, run, asOf));
            }
            for (int k = 1; k <= d.steps().size(); k++) {
                int[] counts = step(tenant, row, version, k, d, asOf, now);
                done += counts[0];
                skipped += counts[1];
            }
            LocalDate lastDay = asOf.minusDays(Math.max(d.totalWaitDays(), d.windowDays()));
            exited += transaction.execute(status -> store.finish(tenant, id, version, lastDay, asOf));
        }
        log.info("Always-on campaign {} in tenant {} on {}: {} entered ({} control), {} journeys ended, {} steps"
                + " done, {} skipped", id, tenant.value(), asOf, enrolled[0], enrolled[1], exited, done, skipped);
        return new NightResult(enrolled[0], enrolled[1], exited, done, skipped);
    }

    /** Enrols the campaign's new entrants and moves its last run on, in one transaction; {entered, control}. */
    private int[] enrol(TenantId tenant, long id, long run, long previousRun, LocalDate asOf, Instant now) {
        if (!store.lock(tenant, id)) {
            return new int[] {0, 0};
        }
        State state = store.state(tenant, id).orElseThrow();
        Campaign row = campaigns.find(tenant, id).orElseThrow();
        AlwaysOnDefinition d = store.definition(tenant, id, state.version(), coupon(row)).orElseThrow();
        List<Candidate> candidates = store.candidates(tenant, id, d, run, state.lastRunId(), previousRun,
                state.lastAsOf(), asOf);
        List<NewEntry> entries = new ArrayList<>(candidates.size());
        int control = 0;
        for (Candidate c : candidates) {
            boolean held = Holdout.isControl(id, c.customerId(), d.holdoutPercent());
            control += held ? 1 : 0;
            entries.add(new NewEntry(c.customerId(), c.lastEntryNo() + 1, held));
        }
        store.insertEntries(tenant, id, state.version(), run, asOf, now, entries);
        watch(tenant, id, d, new long[] {run, previousRun});
        store.setLastRun(tenant, id, run, asOf);
        return new int[] {entries.size(), control};
    }

    /** Runs step {@code k} of a version for the entries due tonight, in one transaction; {done, skipped}. */
    private int[] step(TenantId tenant, Campaign row, int version, int k, AlwaysOnDefinition d, LocalDate asOf,
            Instant now) {
        JourneyStep step = d.steps().get(k - 1);
        for (int attempt = 1; ; attempt++) {
            List<Due> due = store.due(tenant, row.id(), version, k, step.waitDays(), asOf);
            if (due.isEmpty()) {
                return new int[] {0, 0};
            }
            List<Due> skip = due.stream().filter(e -> step.unlessRedeemed() && e.redeemed()).toList();
            List<Due> act = due.stream().filter(e -> !(step.unlessRedeemed() && e.redeemed())).toList();
            try {
                transaction.executeWithoutResult(status -> act(tenant, row, k, step, d, act, skip, asOf, now));
                return new int[] {act.size(), skip.size()};
            } catch (DuplicateKeyException taken) {
                // A generated code existed already, or another node did the step meanwhile: look again.
                if (attempt == 3) {
                    throw taken;
                }
                log.warn("Always-on campaign {} step {}: a key existed already, looking again", row.id(), k);
            }
        }
    }

    private void act(TenantId tenant, Campaign row, int k, JourneyStep step, AlwaysOnDefinition d, List<Due> act,
            List<Due> skip, LocalDate asOf, Instant now) {
        Instant pointsUntil = step.action() == AlwaysOnAction.DOUBLE_POINTS
                ? now.plus(Duration.ofDays(java.util.Objects.requireNonNull(step.pointsDays()))) : null;
        store.insertStepsDone(tenant, row.id(), k, skip, true, asOf, now, null);
        store.insertStepsDone(tenant, row.id(), k, act, false, asOf, now, pointsUntil);
        List<Long> customers = act.stream().map(Due::customerId).toList();
        switch (step.action()) {
            case COUPON -> {
                long coupon = campaigns.couponId(tenant, row.id()).orElseThrow();
                CouponTerms terms = java.util.Objects.requireNonNull(row.coupon());
                List<String> issued = new ArrayList<>(customers.size());
                Set<String> seen = new HashSet<>();
                while (issued.size() < customers.size()) {
                    String code = codes.newCode(terms.prefix());
                    if (seen.add(code)) {
                        issued.add(code);
                    }
                }
                int validDays = d.coupon() == null ? 30 : d.coupon().validDays();
                coupons.insertCodes(tenant, coupon, issued, new ArrayList<>(customers),
                        now.plus(Duration.ofDays(validDays)));
            }
            case DOUBLE_POINTS -> {
                // The loyalty module's night books the bonus from the step's window (PointsCampaignService).
            }
            case REVISIT -> tasks.createTasks(tenant, row.id(), row.name(),
                    java.util.Objects.requireNonNull(step.revisitPlanId()), now, customers);
        }
    }

    // --- results -----------------------------------------------------------------------------------------------------

    /** The results by entry week, oldest first, with a line for all weeks together last (its week: null-free min). */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<AlwaysOnCohort> results(TenantId tenant, long id) {
        AlwaysOnCampaign c = require(tenant, id);
        LocalDate today = tenants.today(tenant);
        Map<LocalDate, Sums> weeks = new TreeMap<>();
        int window = c.definition().windowDays();
        for (DaySums s : store.daySums(tenant, id)) {
            LocalDate week = s.enteredOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Sums w = weeks.computeIfAbsent(week, k -> new Sums());
            w.add(s);
            w.complete &= !s.enteredOn().plusDays(window).isAfter(today);
        }
        List<AlwaysOnCohort> cohorts = new ArrayList<>();
        weeks.forEach((week, s) -> cohorts.add(s.cohort(week)));
        return cohorts;
    }

    /** All cohorts together. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public Optional<AlwaysOnCohort> total(TenantId tenant, long id) {
        List<AlwaysOnCohort> cohorts = results(tenant, id);
        if (cohorts.isEmpty()) {
            return Optional.empty();
        }
        AlwaysOnCohort.Group t = AlwaysOnCohort.Group.NONE;
        AlwaysOnCohort.Group k = AlwaysOnCohort.Group.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        long points = 0;
        Set<Integer> versions = new TreeSet<>();
        boolean complete = true;
        for (AlwaysOnCohort c : cohorts) {
            t = t.plus(c.target());
            k = k.plus(c.control());
            cost = cost.add(c.couponCost());
            points += c.bonusPoints();
            versions.addAll(c.versions());
            complete &= c.complete();
        }
        return Optional.of(cohort(cohorts.getFirst().week(), versions, t, k, cost, points, complete));
    }

    private static AlwaysOnCohort cohort(LocalDate week, Set<Integer> versions, AlwaysOnCohort.Group t,
            AlwaysOnCohort.Group k, BigDecimal cost, long points, boolean complete) {
        return new AlwaysOnCohort(week, Set.copyOf(versions), t, k,
                Lift.conversion(t.buyers(), t.entrants(), k.buyers(), k.entrants()),
                Lift.meanDifference(t.entrants(), t.revenue().doubleValue(), t.revenueSquares().doubleValue(),
                        k.entrants(), k.revenue().doubleValue(), k.revenueSquares().doubleValue()),
                cost, points, complete);
    }

    /** One week's sums while they are added up. */
    private static final class Sums {
        AlwaysOnCohort.Group target = AlwaysOnCohort.Group.NONE;
        AlwaysOnCohort.Group control = AlwaysOnCohort.Group.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        long points;
        Set<Integer> versions = new TreeSet<>();
        boolean complete = true;

        void add(DaySums s) {
            AlwaysOnCohort.Group g = new AlwaysOnCohort.Group(s.entrants(), s.buyers(), s.revenue(),
                    s.revenueSquares());
            if (s.control()) {
                control = control.plus(g);
            } else {
                target = target.plus(g);
            }
            cost = cost.add(s.discounts());
            points += s.points();
            versions.add(s.version());
        }

        AlwaysOnCohort cohort(LocalDate week) {
            return AlwaysOnCampaignService.cohort(week, versions, target, control, cost, points, complete);
        }
    }
}
