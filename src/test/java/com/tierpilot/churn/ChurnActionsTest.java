package com.tierpilot.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.revisit.ContactChannel;
import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.revisit.TaskOutcome;
import com.tierpilot.revisit.TaskWindow;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The churn list's actions beyond contacts and outcomes: a follow-up task, and a win-back coupon from a template. */
@IntegrationTest
class ChurnActionsTest {

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
    ChurnListService churn;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    Clock clock;

    TestTenant shop;
    CampaignFixtures fixtures;
    long templateId;

    /** Three customers at risk, all in a running win-back campaign with a code each. */
    @BeforeEach
    void aShopWithAWinBackCampaignRunning() {
        shop = tenants.signUp("Churn Actions Co", CampaignFixtures.SHANGHAI, SupportedLocales.ENGLISH)
                .signInAsOwner();
        fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "W", 3);
        templateId = fixtures.launchedOnAtRisk(shop, "Win-back 15 off", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "15", null, "0", 1, 1, null)).id();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aCustomerWhoSlippedAwayLaterGetsAWinBackCodeFromTheRunningCampaignOnce() {
        fixtures.atRiskCustomers(shop.id(), "X", 1);
        long late = queries.byCode(shop.id(), "X1").orElseThrow().id();
        assertThat(churn.winBackTemplates(shop.id())).extracting(ChurnListService.CouponTemplate::name)
                .containsExactly("Win-back 15 off");
        int membersBefore = campaigns.find(shop.id(), templateId).orElseThrow().targetMembers();

        String code = churn.issueWinBackCoupon(shop.id(), shop.owner().userId(), Role.OWNER, late, templateId);
        String again = churn.issueWinBackCoupon(shop.id(), shop.owner().userId(), Role.OWNER, late, templateId);

        assertThat(code).startsWith("WB").hasSize(10).isEqualTo(again);
        assertThat(campaigns.find(shop.id(), templateId).orElseThrow().targetMembers()).isEqualTo(membersBefore + 1);
        long w1 = queries.byCode(shop.id(), "W1").orElseThrow().id();
        assertThat(churn.issueWinBackCoupon(shop.id(), shop.owner().userId(), Role.OWNER, w1, templateId))
                .as("a member keeps the code it got at launch")
                .isEqualTo(campaigns.codes(shop.id(), templateId, 0, 10).stream()
                        .filter(c -> c.customerCode().equals("W1")).findFirst().orElseThrow().code());
    }

    @Test
    void aManagerIssuesOnlyToTheirOwnCustomersAndOnlyFromARunningCodePerCustomerCampaign() {
        TierPilotUser manager = shop.addUser(Role.ACCOUNT_MANAGER);
        long w2 = queries.byCode(shop.id(), "W2").orElseThrow().id();

        assertThatThrownBy(() -> churn.issueWinBackCoupon(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, w2,
                templateId)).isInstanceOf(NotFoundException.class);
        campaigns.cancel(shop.id(), templateId);
        assertThatThrownBy(() -> churn.issueWinBackCoupon(shop.id(), shop.owner().userId(), Role.OWNER, w2,
                templateId)).isInstanceOf(UserFacingException.class).hasMessageContaining("notTemplate");
        assertThat(churn.winBackTemplates(shop.id())).isEmpty();
    }

    @Test
    void aFollowUpFromTheChurnListIsATaskOnceUntilItsOutcomeIsLogged() {
        long w3 = queries.byCode(shop.id(), "W3").orElseThrow().id();
        var today = tasks.today(shop.id());

        RevisitTask task = tasks.createFollowUp(shop.id(), shop.owner().userId(), Role.OWNER, w3, today.plusDays(2),
                ContactChannel.VISIT, "Bring samples", "Churn list follow-ups");
        assertThatThrownBy(() -> tasks.createFollowUp(shop.id(), shop.owner().userId(), Role.OWNER, w3,
                today.plusDays(3), ContactChannel.CALL, null, "Churn list follow-ups"))
                .isInstanceOf(ConflictException.class);
        tasks.generate(shop.id(), today);

        assertThat(task.dueOn()).isEqualTo(today.plusDays(2));
        assertThat(task.channel()).isEqualTo(ContactChannel.VISIT);
        assertThat(tasks.countOpen(shop.id(), shop.owner().userId(), Role.OWNER, RevisitTaskService.UNASSIGNED,
                TaskWindow.UPCOMING, today)).as("no manager: the unassigned queue").isEqualTo(1);
        tasks.logOutcome(shop.id(), shop.owner().userId(), Role.OWNER, task.id(), TaskOutcome.REACHED, null, null);
        assertThat(tasks.createFollowUp(shop.id(), shop.owner().userId(), Role.OWNER, w3, today, ContactChannel.CALL,
                null, "Churn list follow-ups").open()).isTrue();
    }

}
