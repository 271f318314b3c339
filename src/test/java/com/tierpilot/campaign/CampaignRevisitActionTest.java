package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.revisit.ContactChannel;
import com.tierpilot.revisit.RevisitPlan;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.revisit.TaskWindow;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A one-off campaign with the revisit-plan action: at launch each target member's account manager (or the
 * unassigned queue) gets one task with the chosen plan's channel and script, within the managers' daily capacity;
 * the control group gets none.
 */
@IntegrationTest
class CampaignRevisitActionTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    RevisitPlanService plans;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    MutableClock clock;

    CampaignFixtures fixtures;
    TestTenant shop;
    TierPilotUser anna;
    TierPilotUser ben;
    RevisitPlan halfMonthlyCall;

    /** 45 at-risk customers: a third Anna's (who can do 3 tasks a day), a third Ben's, a third nobody's. */
    @BeforeEach
    void aShopWithAtRiskCustomersOfTwoManagersAndTheAbcPlans() {
        fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        shop = tenants.signUp("Revisit Campaign Co").signInAsOwner();
        anna = shop.addUser(Role.ACCOUNT_MANAGER);
        ben = shop.addUser(Role.ACCOUNT_MANAGER);
        fixtures.atRiskCustomers(shop.id(), "T", 45, i -> switch (i % 3) {
            case 0 -> anna.userId();
            case 1 -> ben.userId();
            default -> null;
        });
        tasks.setCapacity(shop.id(), anna.userId().value(), 3);
        halfMonthlyCall = plans.addAbcPresets(shop.id()).stream().filter(p -> "B".equals(p.segment()))
                .findFirst().orElseThrow();
    }

    @AfterEach
    void signOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void launchGivesEachTargetMembersManagerOneTaskWithThePlansChannelAndScriptAndTheControlGroupNone() {
        Campaign campaign = launchWithRevisit("Call the drifting", 30);

        List<RevisitTask> made = campaignTasks(campaign);
        Set<Long> target = new HashSet<>(campaignMembers(campaign, false));
        Set<Long> control = new HashSet<>(campaignMembers(campaign, true));
        assertThat(control).as("a 30% holdout of 45 holds some out").isNotEmpty();
        assertThat(made).extracting(RevisitTask::customerId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(target).doesNotContainAnyElementsOf(control);
        for (RevisitTask task : made) {
            var customer = queries.byId(shop.id(), task.customerId()).orElseThrow();
            assertThat(task.managerId()).as("the manager of " + customer.code())
                    .isEqualTo(customer.accountManager() == null ? null : customer.accountManager().value());
            assertThat(task.channel()).isEqualTo(ContactChannel.CALL);
            assertThat(task.script()).isEqualTo("revisit.preset.B.script");
            assertThat(task.planName()).isEqualTo("Call the drifting");
        }
        assertThat(made).filteredOn(t -> t.managerId() == null).as("the unassigned queue").isNotEmpty();
        assertThat(campaigns.revisitTasks(shop.id(), campaign.id()).open()).isEqualTo(target.size());
    }

    @Test
    void annasTasksFillHerFreeWorkingDaysThreeADayFromTheCampaignsStart() {
        Campaign campaign = launchWithRevisit("Three a day", 0);

        LocalDate today = tasks.today(shop.id());
        Map<LocalDate, Long> annasDays = campaignTasks(campaign).stream()
                .filter(t -> t.managerId() != null && t.managerId() == anna.userId().value())
                .collect(Collectors.groupingBy(RevisitTask::dueOn, Collectors.counting()));
        assertThat(annasDays.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(15);
        assertThat(annasDays.keySet()).allMatch(d -> !d.isBefore(today))
                .allMatch(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);
        assertThat(annasDays.values()).as("her capacity").allMatch(n -> n <= 3);
        assertThat(annasDays).hasSize(5);
    }

    @Test
    void theNightsRevisitRunNeitherCancelsNorRepeatsTheCampaignsTasks() {
        Campaign campaign = launchWithRevisit("Kept at night", 10);
        int before = campaignTasks(campaign).size();

        tasks.generate(shop.id(), tasks.today(shop.id()));
        clock.advance(Duration.ofDays(1));
        tasks.generate(shop.id(), tasks.today(shop.id()));

        assertThat(campaignTasks(campaign)).hasSize(before);
        assertThat(plans.list(shop.id())).as("the campaign's plan is not one of the company's plans")
                .noneMatch(p -> p.name().equals("Kept at night"));
    }

    @Test
    void theRevisitActionNeedsAnActivePlan() {
        Instant now = clock.instant();
        var draft = new CampaignDraft("No plan", null, List.of("LIFECYCLE:at_risk"), List.of(), null, 10, now,
                now.plus(Duration.ofDays(7)), EnumSet.of(CampaignAction.REVISIT_PLAN), null, null);
        assertThatThrownBy(() -> campaigns.create(shop.id(), shop.owner().userId(), draft))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("campaigns.error.revisitPlan");
        var unknown = new CampaignDraft("Unknown plan", null, List.of("LIFECYCLE:at_risk"), List.of(), null, 10,
                now, now.plus(Duration.ofDays(7)), EnumSet.of(CampaignAction.REVISIT_PLAN), null, 999_999L);
        assertThatThrownBy(() -> campaigns.create(shop.id(), shop.owner().userId(), unknown))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("campaigns.error.revisitPlan");
    }

    private Campaign launchWithRevisit(String name, int holdout) {
        Instant now = clock.instant();
        long id = campaigns.create(shop.id(), shop.owner().userId(), new CampaignDraft(name, null,
                List.of("LIFECYCLE:at_risk"), List.of(), null, holdout, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(30)), EnumSet.of(CampaignAction.REVISIT_PLAN), null, halfMonthlyCall.id()));
        return campaigns.launch(shop.id(), id);
    }

    /** The campaign's open tasks as the owner's task list shows them, all managers and the queue. */
    private List<RevisitTask> campaignTasks(Campaign campaign) {
        LocalDate today = tasks.today(shop.id());
        List<RevisitTask> all = new ArrayList<>();
        for (TaskWindow window : TaskWindow.values()) {
            all.addAll(tasks.open(shop.id(), shop.owner().userId(), Role.OWNER, null, window, today, 0, 1000));
        }
        return all.stream().filter(t -> t.planName().equals(campaign.name())).toList();
    }

    private List<Long> campaignMembers(Campaign campaign, boolean control) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            long id = queries.byCode(shop.id(), "T" + i).orElseThrow().id();
            if (Holdout.isControl(campaign.id(), id, campaign.holdoutPercent()) == control) {
                ids.add(id);
            }
        }
        return ids;
    }
}
