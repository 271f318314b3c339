package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.AbcSettings;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner configures the value tiers, recomputes, and drills down from a tier to its customers. */
class SegmentationE2ETest extends EndToEndTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;

    @Test
    void anOwnerSwitchesToTwentySixtyTwentyRecomputesAndOpensTheCustomersOfTierA() {
        TestTenant shop = tenants.signUp("Tier Tea House", java.time.ZoneId.of("Asia/Shanghai"),
                com.tierpilot.base.i18n.SupportedLocales.ENGLISH);
        LocalDate today = segmentation.today(shop.id());
        List<OrderRecord> orders = new ArrayList<>();
        // Ten customers who bought last month, customer n for 100 × n.
        for (int n = 1; n <= 10; n++) {
            orders.add(new OrderRecord("T-" + n, "TEA-" + n, today.minusDays(30).atTime(15, 0),
                    BigDecimal.valueOf(100L * n), 1, null, null, OrderStatus.COMPLETED));
        }
        customers.upsertOrders(shop.id(), orders);
        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), shop.owner().email(), TestTenants.PASSWORD);

        // Configure: the 20/60/20 preset for the value tiers, previewed, then saved.
        page.navigate(url("/segments/settings"));
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("ABC value tiers")).click();
        page.locator("#abc-preset-206020").click();
        page.locator("#segmentation-preview").click();
        assertThat(page.locator("#preview-abc")).isVisible();
        page.locator("#segmentation-save").click();
        assertThat(page.getByText("saved", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        assertThat(segmentation.settings(shop.id()).abc()).isEqualTo(AbcSettings.twentySixtyTwenty());

        // Recompute now, and watch it finish.
        page.navigate(url("/segments"));
        page.locator("#segments-recompute").click();
        assertThat(page.locator("#segments-current-run")).containsText("10 customers",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));

        // Tier A of 20/60/20 holds the customers of the top 20% of customers by revenue: 10 and 9.
        Locator tierA = page.locator("#segments-abc vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("^A"))).first();
        tierA.click();
        page.waitForURL(Pattern.compile(".*/customers\\?abc=A$"));
        assertThat(page.locator("#customer-count")).hasText("2 customers");
        assertThat(page.locator("#customer-grid")).containsText("TEA-10");
        assertThat(page.locator("#customer-grid")).containsText("TEA-9");
        assertThat(segmentation.currentRun(shop.id()).orElseThrow().customers()).isEqualTo(10);
    }
}
