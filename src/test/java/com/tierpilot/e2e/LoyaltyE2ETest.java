package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.loyalty.ExpiryMode;
import com.tierpilot.loyalty.LoyaltyProgramService;
import com.tierpilot.loyalty.LoyaltyRules;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.loyalty.RewardDraft;
import com.tierpilot.loyalty.RewardService;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.revisit.TaskOutcome;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loyalty and revisit plays in a browser: an account manager logs how a visit went, staff redeem a reward for a
 * customer's points, and a double-points campaign launched in the wizard doubles a target member's points.
 */
class LoyaltyE2ETest extends EndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    RevisitPlanService plans;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    RewardService rewards;
    @Autowired
    LoyaltyProgramService program;
    @Autowired
    CampaignService campaigns;
    @Autowired
    MutableClock clock;

    @AfterEach
    void signOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void anAccountManagerLogsHowTodaysVisitWentAndItShowsOnTheCustomersPage() {
        TestTenant shop = tenants.signUp("Revisit Tea House", SHANGHAI, SupportedLocales.ENGLISH).signInAsOwner();
        TierPilotUser manager = shop.addUser(Role.ACCOUNT_MANAGER);
        LocalDate today = tasks.today(shop.id());
        for (int i = 1; i <= 3; i++) {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("RV" + i, "Customer " + i, null, null,
                    null, null, null, null, null, null, null, Set.of(), manager.userId(), LocalDate.of(2024, 1, 1),
                    true, Map.of())));
            customers.upsertOrders(shop.id(), List.of(new OrderRecord("RVO-" + i, "RV" + i,
                    today.minusDays(5).atTime(10, 0), BigDecimal.valueOf(100L * i * i), 1, null, null,
                    OrderStatus.COMPLETED)));
        }
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        plans.addAbcPresets(shop.id());
        // First contacts spread over each plan's first period: nights until the manager has a visit today.
        int due = 0;
        for (int night = 0; due == 0 && night < 90; night++) {
            clock.advance(Duration.ofDays(night == 0 ? 0 : 1));
            tasks.generate(shop.id(), tasks.today(shop.id()));
            due = (int) tasks.countOpen(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null,
                    com.tierpilot.revisit.TaskWindow.TODAY, tasks.today(shop.id()));
        }
        String visitedCode = tasks.open(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null,
                com.tierpilot.revisit.TaskWindow.TODAY, tasks.today(shop.id()), 0, 1).getFirst().customerCode();
        TestTenants.signOut();

        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), manager.email(), TestTenants.PASSWORD);
        page.navigate(url("/tasks"));
        assertThat(page.locator("#tasks-tab-today")).hasText("Today (" + due + ")");
        page.locator("#task-log-" + visitedCode).click();
        page.locator("#task-outcome vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Reached"))
                .click();
        page.locator("#task-note textarea").fill("Orders again in May");
        page.locator("#task-save").click();
        assertThat(page.locator("#tasks-tab-today")).hasText("Today (" + (due - 1) + ")");

        page.navigate(url("/customers/" + visitedCode));
        assertThat(page.locator("#customer-tasks")).containsText("Reached");
        assertThat(page.locator("#customer-tasks")).containsText("Orders again in May");
        TestTenants.signIn(manager);
        long visited = queries.byCode(shop.id(), visitedCode).orElseThrow().id();
        assertThat(tasks.ofCustomer(shop.id(), visited, 10)).first()
                .satisfies(t -> assertThat(t.outcome()).isEqualTo(TaskOutcome.REACHED));
    }

    @Test
    void staffRedeemARewardForACustomersPointsAtTheCounter() {
        TestTenant shop = tenants.signUp("Reward Tea House", SHANGHAI, SupportedLocales.ENGLISH).signInAsOwner();
        customers.upsertCustomers(shop.id(), List.of(customer("VIP-7", "王芳", "杭州")));
        long member = queries.byCode(shop.id(), "VIP-7").orElseThrow().id();
        ledger.award(shop.id(), member, 100, PointsReason.MANUAL, null, "welcome", null);
        rewards.create(shop.id(), new RewardDraft("Tea set", null, 60, 5, true));
        TierPilotUser staff = shop.addUser(Role.ACCOUNT_MANAGER);
        TestTenants.signOut();

        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), staff.email(), TestTenants.PASSWORD);
        page.navigate(url("/rewards"));
        page.locator("#redeem-customer input").fill("VIP-7");
        page.locator("#redeem-reward input").fill("Tea set");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Tea set")).first()
                .click();
        page.locator("#redeem-button").click();

        assertThat(page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions().setHasText("Tea set redeemed for VIP-7"))).containsText(
                        "60 points taken, 40 left.");
        assertThat(ledger.balance(shop.id(), member).points()).isEqualTo(40);
    }

    @Test
    void aDoublePointsCampaignLaunchedInTheWizardDoublesATargetMembersPoints() {
        TestTenant shop = tenants.signUp("Points Tea House", SHANGHAI, SupportedLocales.ENGLISH).signInAsOwner();
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "DP", 6);
        LocalDate today = program.today(shop.id());
        program.save(shop.id(), new LoyaltyRules(true, BigDecimal.ONE, 0, ExpiryMode.NONE, null, today, List.of(),
                program.rules(shop.id()).version()));
        TierPilotUser marketer = shop.addUser(Role.MARKETER);
        TestTenants.signOut();

        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), marketer.email(), TestTenants.PASSWORD);
        CampaignWizard.start(page, url("/campaigns"), "Double points for the at-risk", "Lifecycle · At risk");
        page.locator("#campaign-holdout input").fill("0");
        page.locator("#campaign-actions vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Coupon"))
                .locator("input").uncheck();
        page.locator("#campaign-actions vaadin-checkbox").filter(new Locator.FilterOptions()
                .setHasText("Double loyalty points")).locator("input").check();
        page.locator("#campaign-save").click();
        assertThat(page.locator("#campaign-title")).hasText("Double points for the at-risk");
        page.locator("#campaign-launch").click();
        assertThat(page.locator("#campaign-status")).hasText("Active");

        TestTenants.signIn(marketer);
        Campaign campaign = campaigns.page(shop.id(), 0, 1).getFirst();
        assertThat(campaign.targetMembers()).as("no holdout").isEqualTo(6);
        OrderRecord order = fixtures.orderAfter("DP1-NOW", "DP1", Duration.ofMinutes(5), "300");
        customers.upsertOrders(shop.id(), List.of(order));
        program.night(shop.id(), order.orderedAt().toLocalDate().plusDays(1));

        long member = queries.byCode(shop.id(), "DP1").orElseThrow().id();
        assertThat(ledger.balance(shop.id(), member).points()).as("twice the order's 300 points").isEqualTo(600);
        page.navigate(url("/customers/DP1"));
        assertThat(page.locator("#customer-points-balance")).hasText("600 points.");
    }
}
