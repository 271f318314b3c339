package com.tierpilot.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesChange;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.scheduling.NightlyPipelineService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Prospects' sales state with its history, and the A-E grade the nightly pipeline gives them as days go by. */
@IntegrationTest
class ProspectGradeServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    SalesFixtures fixtures;
    @Autowired
    SalesStateService states;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    SalesSettingsService settings;
    @Autowired
    NightlyPipelineService pipeline;
    @Autowired
    MutableClock clock;
    @Autowired
    RevisitPlanService revisitPlans;
    @Autowired
    RevisitTaskService revisitTasks;
    @Autowired
    CustomerAssignmentService assignment;
    @Autowired
    FollowUpLogService followUps;

    TestTenant shop;

    @BeforeEach
    void aCompanyWithProspects() {
        shop = fixtures.companyWith("Prospect Co", "P1", "P2", "P3", "P4", "P5");
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    /**
     * The "70 days away is C" contradicts the seed it quotes (B: closes within three months): by the seed's
     * thresholds, the defaults here, 70 days is B. The prospect starts at 120 days, within six months.
     */
    @Test
    void aProspectClosingIn120DaysIsCThenBThenAAsTheNightsGoByAndFlaggedOnceItsDateHasPassed() {
        LocalDate today = grades.today(shop.id());
        set("P1", new SalesState(SalesStage.NEGOTIATING, null, today.plusDays(120), new BigDecimal("50000"),
                SalesNeed.NOW, CustomerType.IDEAL, today.plusDays(3)));

        assertThat(night("P1")).isEqualTo(new GradeResult(ProspectGrade.C, false, today));
        clock.advance(Duration.ofDays(50));
        assertThat(night("P1").grade()).as("70 days before the close").isEqualTo(ProspectGrade.B);
        clock.advance(Duration.ofDays(40));
        assertThat(night("P1").grade()).as("30 days before the close").isEqualTo(ProspectGrade.A);
        clock.advance(Duration.ofDays(31));
        GradeResult late = night("P1");
        assertThat(late.grade()).isEqualTo(ProspectGrade.A);
        assertThat(late.closeOverdue()).as("a day after the expected close date").isTrue();
        assertThat(late.gradedOn()).isEqualTo(today.plusDays(121));
    }

    /**
     * The same prospect with the "A-E follow-up" plans, owned by an account manager who logs a follow-up before each
     * night: every 15 days while C, weekly once B (C's open task cancelled), daily once A, each counted from the
     * last follow-up logged, and each task in the owner's My tasks.
     */
    @Test
    void withTheAToEFollowUpTheOwnerGetsTasksAtTheRhythmOfTheProspectsGradeAsItMovesUp() {
        TierPilotUser east = shop.addUser(Role.ACCOUNT_MANAGER);
        revisitPlans.addGradePresets(shop.id());
        LocalDate day0 = grades.today(shop.id());
        set("P1", new SalesState(SalesStage.NEGOTIATING, null, day0.plusDays(120), null, SalesNeed.NOW, null, null));
        assignment.assignOne(shop.id(), "P1", east.userId().value());

        followUp(east);
        assertThat(night("P1").grade()).isEqualTo(ProspectGrade.C);
        assertThat(openTasks()).as("C: the next in 15 days, more than a week ahead").isEmpty();
        clock.advance(Duration.ofDays(8));
        night("P1");
        assertThat(openTasks()).singleElement().satisfies(task -> {
            assertThat(task.planName()).isEqualTo("revisit.preset.grade.C.name");
            assertThat(task.dueOn()).isEqualTo(workingDayFrom(day0.plusDays(15)));
            assertThat(task.managerId()).isEqualTo(east.userId().value());
        });

        clock.advance(Duration.ofDays(42));
        followUp(east);
        assertThat(night("P1").grade()).as("70 days before the close").isEqualTo(ProspectGrade.B);
        assertThat(openTasks()).as("C's task cancelled, B's a week after the follow-up").singleElement()
                .satisfies(task -> {
                    assertThat(task.planName()).isEqualTo("revisit.preset.grade.B.name");
                    assertThat(task.dueOn()).isEqualTo(workingDayFrom(day0.plusDays(57)));
                });

        clock.advance(Duration.ofDays(40));
        followUp(east);
        assertThat(night("P1").grade()).as("30 days before the close").isEqualTo(ProspectGrade.A);
        assertThat(openTasks()).singleElement().satisfies(task -> {
            assertThat(task.planName()).isEqualTo("revisit.preset.grade.A.name");
            assertThat(task.dueOn()).as("the day after the follow-up").isEqualTo(workingDayFrom(day0.plusDays(91)));
            assertThat(task.managerId()).isEqualTo(east.userId().value());
        });
    }

    @Test
    void noNeedOrLostIsEAPotentialNeedOrAFarDateIsDAndSignedCustomersAreNoLongerGraded() {
        LocalDate today = grades.today(shop.id());
        set("P1", new SalesState(SalesStage.POTENTIAL, null, today.plusDays(10), null, SalesNeed.NONE, null, null));
        set("P2", new SalesState(SalesStage.LOST, "Chose a competitor", today.plusDays(10), null, SalesNeed.NOW,
                null, null));
        set("P3", new SalesState(SalesStage.POTENTIAL, null, today.plusDays(20), null, SalesNeed.FUTURE, null,
                null));
        set("P4", new SalesState(SalesStage.NEGOTIATING, null, today.plusDays(200), null, SalesNeed.NOW, null,
                null));
        set("P5", new SalesState(SalesStage.SIGNED, null, today.minusDays(1), null, SalesNeed.NOW, null, null));

        pipeline.runScheduled(shop.id(), RunTrigger.SCHEDULE, 1, false, null);

        assertThat(grade("P1")).isEqualTo(ProspectGrade.E);
        assertThat(grade("P2")).isEqualTo(ProspectGrade.E);
        assertThat(grade("P3")).isEqualTo(ProspectGrade.D);
        assertThat(grade("P4")).isEqualTo(ProspectGrade.D);
        assertThat(grades.find(shop.id(), id("P5"))).isEmpty();
    }

    @Test
    void theCompanysOwnThresholdsGradeTheNextNight() {
        LocalDate today = grades.today(shop.id());
        set("P1", new SalesState(SalesStage.NEGOTIATING, null, today.plusDays(80), null, SalesNeed.NOW, null, null));
        assertThat(night("P1").grade()).isEqualTo(ProspectGrade.B);

        settings.save(shop.id(), new SalesSettings(new GradeThresholds(14, 75, 120), Map.of(SalesStage.POTENTIAL,
                "Lead"), Map.of(CustomerType.AVOID, "Blacklist")));

        assertThat(night("P1").grade()).as("80 days, past the company's 75").isEqualTo(ProspectGrade.C);
        SalesSettings saved = settings.settings(shop.id());
        assertThat(saved.thresholds()).isEqualTo(new GradeThresholds(14, 75, 120));
        assertThat(saved.label(SalesStage.POTENTIAL, key -> key)).isEqualTo("Lead");
        assertThat(saved.label(SalesStage.SIGNED, key -> key)).isEqualTo("sales.stage.SIGNED");
        assertThat(saved.label(CustomerType.AVOID, key -> key)).isEqualTo("Blacklist");
        assertThatThrownBy(() -> settings.save(shop.id(), new SalesSettings(new GradeThresholds(90, 30, 180),
                Map.of(), Map.of()))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("sales.settings.error.thresholds");
    }

    @Test
    void everyChangedFieldIsRecordedWithWhoWhenAndWhereAndALostCustomerNeedsItsReason() {
        LocalDate today = grades.today(shop.id());
        long p1 = id("P1");
        int first = states.update(shop.id(), p1, new SalesState(SalesStage.POTENTIAL, null, today.plusDays(30),
                new BigDecimal("1000"), SalesNeed.NOW, null, null), SalesSource.UI, shop.owner().userId());
        int same = states.update(shop.id(), p1, new SalesState(SalesStage.POTENTIAL, null, today.plusDays(30),
                new BigDecimal("1000.00"), SalesNeed.NOW, null, null), SalesSource.API, null);
        assertThatThrownBy(() -> states.update(shop.id(), p1, new SalesState(SalesStage.LOST, " ", null, null, null,
                null, null), SalesSource.UI, shop.owner().userId())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("sales.error.lostReason");
        int lost = states.update(shop.id(), p1, new SalesState(SalesStage.LOST, "Budget cut", today.plusDays(30),
                new BigDecimal("1000"), SalesNeed.NOW, null, null), SalesSource.API, null);

        assertThat(first).isEqualTo(4);
        assertThat(same).as("the same state again changes nothing").isZero();
        assertThat(lost).isEqualTo(2);
        List<SalesChange> history = states.history(shop.id(), p1, 10);
        assertThat(history).hasSize(6);
        assertThat(history).filteredOn(h -> h.field().equals("stage")).extracting(SalesChange::source,
                SalesChange::oldValue, SalesChange::newValue).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SalesSource.API, "POTENTIAL", "LOST"),
                        org.assertj.core.groups.Tuple.tuple(SalesSource.UI, null, "POTENTIAL"));
        assertThat(history).filteredOn(h -> h.source() == SalesSource.UI)
                .allSatisfy(h -> assertThat(h.changedBy()).isEqualTo(shop.owner().userId()));
        assertThat(states.find(shop.id(), p1).lostReason()).isEqualTo("Budget cut");
    }

    @Test
    void anotherCompanysCustomerCannotBeGivenASalesState() {
        TestTenant other = tenants.signUp("Other Co");
        assertThatThrownBy(() -> states.update(other.id(), id("P1"), new SalesState(SalesStage.POTENTIAL, null,
                null, null, null, null, null), SalesSource.API, null)).isInstanceOf(NotFoundException.class);
        assertThat(states.find(shop.id(), id("P1"))).isEqualTo(SalesState.EMPTY);
    }

    private void set(String code, SalesState state) {
        fixtures.set(shop, code, state);
    }

    /** Runs the company's nightly pipeline and reads the prospect's grade. */
    private GradeResult night(String code) {
        var outcome = pipeline.runScheduled(shop.id(), RunTrigger.SCHEDULE, 1, false, null);
        assertThat(outcome.succeeded()).isTrue();
        return grades.find(shop.id(), id(code)).orElseThrow();
    }

    /** The account manager logs a call on P1 today, as on the customer page. */
    private void followUp(TierPilotUser manager) {
        TestTenants.signIn(manager);
        followUps.log(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, id("P1"), FollowUpKind.CALL,
                FollowUpOutcome.REACHED, null, null);
        shop.signInAsOwner();
    }

    private List<RevisitTask> openTasks() {
        return revisitTasks.ofCustomer(shop.id(), id("P1"), 20).stream().filter(RevisitTask::open).toList();
    }

    /** The day itself on a working day, else the Monday after (tasks fall on working days). */
    private static LocalDate workingDayFrom(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private ProspectGrade grade(String code) {
        return grades.find(shop.id(), id(code)).orElseThrow().grade();
    }

    private long id(String code) {
        return fixtures.id(shop, code);
    }
}
