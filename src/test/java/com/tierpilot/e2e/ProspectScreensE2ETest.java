package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.sales.ProspectGradeService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.ApiTokenService;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20 on screen: the owner (in Chinese) and an account manager (in English) see the dashboard with the A-E
 * grades, the segment browser with its grade section, the pipeline's conversion chart and the churn list's grades;
 * the manager's figures are their own customers and the pool's. Screenshots at 1366 and 1920 in both languages.
 */
class ProspectScreensE2ETest extends EndToEndTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    MutableClock clock;
    @Autowired
    SalesStateService states;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    ApiTokenService apiTokens;

    @Test
    void theOwnerAndAManagerSeeGradesConversionAndTheirScope() throws IOException {
        TestTenant shop = tenants.signUp("Grade Tea House").signInAsOwner();
        TierPilotUser east = shop.addUser(Role.ACCOUNT_MANAGER, SupportedLocales.ENGLISH);
        TierPilotUser south = shop.addUser(Role.ACCOUNT_MANAGER, SupportedLocales.CHINESE);
        new CampaignFixtures(customers, segmentation, campaigns, clock).atRiskCustomers(shop.id(), "GT", 12,
                i -> i % 3 == 1 ? east.userId() : i % 3 == 2 ? south.userId() : null);
        // Four months of a sale: prospects qualified, signed and lost month by month.
        try {
            clock.advance(Duration.ofDays(-100));
            for (int i = 1; i <= 12; i++) {
                set(shop, "GT" + i, SalesStage.POTENTIAL, 150);
            }
            for (int month = 0; month < 3; month++) {
                clock.advance(Duration.ofDays(30));
                for (int i = 1 + month * 4; i <= 4 + month * 4; i++) {
                    set(shop, "GT" + i, SalesStage.NEGOTIATING, 60 - 10 * month);
                }
                set(shop, "GT" + (1 + month * 4), SalesStage.SIGNED, 0);
                if (month > 0) {
                    set(shop, "GT" + (2 + (month - 1) * 4), SalesStage.LOST, 0);
                }
            }
        } finally {
            clock.reset();
        }
        grades.regrade(shop.id(), grades.today(shop.id()));
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
        apiTokens.createForManager(shop.id(), shop.owner().userId(), Role.OWNER, east.userId(), "East's CRM");
        apiTokens.create(shop.id(), shop.owner().userId(), "Online shop");
        TestTenants.signOut();

        Page owner = browser.newPage("en-US"); // the owner works in Chinese, the language of the account
        SignIn.as(owner, url("/login"), shop.owner().email(), TestTenants.PASSWORD);
        owner.navigate(url("/"));
        assertThat(owner.locator("#kpi-customers .kpi-value")).hasText("12");
        assertThat(owner.locator("#chart-grades svg path").first()).isAttached();
        Screenshots.shoot(owner, "issue20-dashboard-zh");
        owner.navigate(url("/segments"));
        assertThat(owner.locator("#segments-grade")).isVisible();
        Screenshots.shoot(owner, "issue20-segments-zh");
        owner.navigate(url("/pipeline"));
        assertThat(owner.locator("#pipeline-conversion svg path").first()).isAttached();
        assertThat(owner.locator("body")).containsText("阶段转化");
        Screenshots.shoot(owner, "issue20-pipeline-zh");
        owner.navigate(url("/churn"));
        assertThat(owner.locator("#churn-grid")).containsText("意向等级");
        Screenshots.shoot(owner, "issue20-churn-zh");
        owner.navigate(url("/settings"));
        assertThat(owner.locator("#api-tokens")).containsText("的客户和公海");
        Screenshots.shoot(owner, "issue20-settings-zh");

        Page manager = browser.newPage("en-US");
        SignIn.as(manager, url("/login"), east.email(), TestTenants.PASSWORD);
        manager.navigate(url("/"));
        assertThat(manager.locator("#kpi-customers .kpi-value")).hasText("8");
        assertThat(manager.locator("#dashboard-scope")).isVisible();
        Screenshots.shoot(manager, "issue20-dashboard-en");
        manager.navigate(url("/segments"));
        assertThat(manager.locator("#segments-current-run")).containsText("8 of your own");
        Screenshots.shoot(manager, "issue20-segments-en");
        manager.navigate(url("/pipeline"));
        assertThat(manager.locator("#pipeline-conversion svg path").first()).isAttached();
        Screenshots.shoot(manager, "issue20-pipeline-en");
        manager.navigate(url("/churn"));
        assertThat(manager.locator("#churn-grid")).containsText("Grade");
        Screenshots.shoot(manager, "issue20-churn-en");
        manager.navigate(url("/customers/GT2"));
        assertThat(manager.locator("#customer-not-found")).isVisible();
        assertThat(queries.byCode(shop.id(), "GT2").orElseThrow().accountManager()).isEqualTo(south.userId());
    }

    private void set(TestTenant shop, String code, SalesStage stage, int closeInDays) {
        LocalDate today = grades.today(shop.id());
        states.update(shop.id(), queries.byCode(shop.id(), code).orElseThrow().id(), new SalesState(stage,
                stage == SalesStage.LOST ? "Chose another supplier" : null, stage == SalesStage.SIGNED
                        || stage == SalesStage.LOST ? null : today.plusDays(closeInDays),
                new BigDecimal(1000 * code.length()), stage == SalesStage.LOST ? SalesNeed.NONE : SalesNeed.NOW, null,
                null), SalesSource.UI, shop.owner().userId());
    }
}
