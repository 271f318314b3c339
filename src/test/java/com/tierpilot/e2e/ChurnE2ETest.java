package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account manager works the churn list: sees their customer who stopped buying, opens the customer, and issues a
 * win-back coupon from the running win-back campaign, which then shows on the customer's page.
 */
class ChurnE2ETest extends EndToEndTest {

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
    void aManagerSeesTheirListOpensACustomerAndIssuesAWinBackCoupon() {
        TestTenant shop = tenants.signUp("Churn Tea House", CampaignFixtures.SHANGHAI, SupportedLocales.ENGLISH)
                .signInAsOwner();
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "AR", 3);
        fixtures.launchedOnAtRisk(shop, "Win-back 20 off", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "20", null, "0", 1, 1, null));
        // Later, one of the manager's own customers stops buying too.
        TierPilotUser manager = shop.addUser(Role.ACCOUNT_MANAGER);
        LocalDate today = LocalDate.now(clock.withZone(CampaignFixtures.SHANGHAI));
        customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("KH/07", "周敏", "13800001234", null, null,
                null, "杭州", null, null, null, null, Set.of(), manager.userId(), LocalDate.of(2023, 5, 1), true,
                Map.of())));
        customers.upsertOrders(shop.id(), List.of(
                new OrderRecord("KH/07-1", "KH/07", today.minusDays(200).atTime(10, 0), new BigDecimal("880"), 1, null,
                        null, OrderStatus.COMPLETED),
                new OrderRecord("KH/07-2", "KH/07", today.minusDays(130).atTime(10, 0), new BigDecimal("640"), 1, null,
                        null, OrderStatus.COMPLETED)));
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
        TestTenants.signOut();

        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), manager.email(), TestTenants.PASSWORD);
        page.navigate(url("/churn"));
        assertThat(page.locator("#churn-total")).containsText("1 customers");
        assertThat(page.locator("#churn-grid")).containsText("周敏 (KH/07)");

        page.locator("#churn-grid a", new Page.LocatorOptions().setHasText("周敏 (KH/07)")).click();
        page.waitForURL(Pattern.compile(".*/customers/KH/07$"));
        assertThat(page.locator("body")).containsText("13800001234");

        page.navigate(url("/churn"));
        page.locator("[id='churn-winback-KH/07']").click();
        assertThat(page.locator("#winback-template")).containsText("Win-back 20 off");
        page.locator("#winback-issue").click();
        assertThat(page.locator("#winback-code")).containsText(Pattern.compile("Code WB[A-Z0-9]{8}"));
        String text = page.locator("#winback-code").textContent();
        String code = text.substring(text.indexOf("WB"), text.indexOf("WB") + 10);

        page.navigate(url("/customers/KH/07"));
        assertThat(page.locator("#customer-coupon-grid")).containsText(code);
    }
}
