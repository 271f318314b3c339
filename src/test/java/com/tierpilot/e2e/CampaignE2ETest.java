package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.CouponCode;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A marketer creates a coupon campaign on the at-risk customers with a 10% holdout and launches it; the shop staff
 * redeem a code at the till screen; the results count the redemption and the order placed after launch.
 */
class CampaignE2ETest extends EndToEndTest {

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

    @Test
    void aMarketerCreatesAndLaunchesACampaignTheStaffRedeemsACodeAndTheResultsCountIt() {
        TestTenant shop = tenants.signUp("Campaign Tea House", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "AR", 20);
        TierPilotUser marketer = shop.addUser(Role.MARKETER);
        TestTenants.signOut();
        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), marketer.email(), TestTenants.PASSWORD);

        // Create: the wizard, aimed at the lifecycle stage "At risk", 10% off, the default 10% holdout.
        CampaignWizard.start(page, url("/campaigns"), "Win back the at-risk", "Lifecycle · At risk");
        assertThat(page.locator("#campaign-holdout input")).hasValue("10");
        page.locator("#campaign-value input").fill("10");
        page.locator("#campaign-preview-button").click();
        assertThat(page.locator("#campaign-preview")).containsText("Audience: 20 customers");
        page.locator("#campaign-save").click();

        // Launch: the audience is frozen and the codes are issued.
        assertThat(page.locator("#campaign-title")).hasText("Win back the at-risk");
        page.locator("#campaign-launch").click();
        assertThat(page.locator("#campaign-status")).hasText("Active");
        TestTenants.signIn(marketer);
        Campaign campaign = campaigns.page(shop.id(), 0, 1).getFirst();
        assertThat(campaign.targetMembers() + campaign.controlMembers()).isEqualTo(20);
        assertThat(page.locator("#campaign-audience")).containsText(campaign.targetMembers() + " target members");
        List<CouponCode> codes = campaigns.codes(shop.id(), campaign.id(), 0, 1);
        CouponCode code = codes.getFirst();
        assertThat(page.locator("#campaign-codes")).containsText(code.code());

        // Redeem at the staff screen.
        page.navigate(url("/coupons/redeem"));
        page.locator("#redeem-code input").fill(code.code());
        page.locator("#redeem-customer input").fill(code.customerCode());
        page.locator("#redeem-orderNo input").fill("SO-TILL-1");
        page.locator("#redeem-amount input").fill("300");
        page.locator("#redeem-submit").click();
        assertThat(page.locator("#redeem-result")).containsText("Discount CN¥30.00");
        page.locator("#redeem-submit").click();
        assertThat(page.locator("#redeem-result")).containsText("redeemed this code before");

        // The order arrives by import after launch; the results count it and the redemption.
        customers.upsertOrders(shop.id(), List.of(fixtures.orderAfter("SO-TILL-1", code.customerCode(),
                Duration.ofMinutes(5), "300.00")));
        page.navigate(url("/campaigns/" + campaign.id()));
        page.locator("#campaign-results-link").click();
        page.waitForURL(Pattern.compile(".*/campaigns/" + campaign.id() + "/results$"));
        assertThat(page.locator("#campaign-results")).containsText("Redemptions");
        assertThat(page.locator("#campaign-discount-cost")).containsText("CN¥30.00");
        assertThat(page.locator("#campaign-revenue-lift")).containsText("Revenue per member lift");
        assertThat(page.locator("#campaign-results-export")).isVisible();
    }
}
