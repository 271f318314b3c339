package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.demo.DemoStore;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.security.Principals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17, item 8, where a user sees it, in Chinese (the owner) and English (a marketer), on a copy of the demo
 * store: the two lift lines say which is conversion and which is revenue, the churn CSV holds rounded figures, the
 * customer's outlook has its currency, the RFM segments come in the map's order (Champions first), a click on a move
 * of the moves chart lists its customers, the lifecycle stages are a bar chart, and the prediction screen shows the
 * distribution of P(alive), the expected purchases and the customers most at risk. Screenshots of these screens at
 * 1366×768 and 1920×1080 in both languages go to target/screenshots.
 */
class SmallerThingsE2ETest extends EndToEndTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantProvisioningService provisioning;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    Principals principals;
    @Autowired
    CampaignService campaigns;
    @Autowired
    MutableClock clock;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void eachSmallerThingShowsWhereTheUserLooksInBothLanguages() throws Exception {
        TestTenant shop = tenants.signUp("细节茶行", CampaignFixtures.SHANGHAI, SupportedLocales.CHINESE)
                .signInAsOwner();
        new DemoStore(provisioning, customers, transaction, segmentation, principals, clock).copyInto(shop.id());
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "挽回立减 10 元", 20,
                fixtures.uniqueCodes(DiscountType.FIXED, "10", null, "0", 1, 1, null));
        TierPilotUser marketer = shop.addUser(Role.MARKETER, SupportedLocales.ENGLISH);
        TestTenants.signOut();

        for (var who : List.of(Map.entry("zh", shop.owner()), Map.entry("en", marketer))) {
            boolean zh = who.getKey().equals("zh");
            Page page = browser.newPage("en-US");
            SignIn.as(page, url("/login"), who.getValue().email(), TestTenants.PASSWORD);

            // Campaign results: two lift lines, each naming its figure.
            page.navigate(url("/campaigns/" + campaign.id() + "/results"));
            assertThat(page.locator("#campaign-conversion-lift")).containsText(zh ? "转化率提升：" : "Conversion lift");
            assertThat(page.locator("#campaign-revenue-lift")).containsText(
                    zh ? "人均销售额提升：" : "Revenue per member lift");
            Screenshots.shoot(page, "campaign-results-" + who.getKey());

            // The churn list's CSV: money with two decimals, no raw doubles such as 1173.47607762.
            page.navigate(url("/churn"));
            assertThat(page.locator("#churn-grid vaadin-grid-cell-content").first()).isAttached();
            Download download = page.waitForDownload(() -> page.locator("#churn-export").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(csv.lines().count()).isGreaterThan(2);
            assertThat(csv).doesNotContainPattern("\\d\\.\\d{3,}");
            Screenshots.shoot(page, "churn-" + who.getKey());

            // A customer's outlook is worth an amount in the company's currency.
            page.navigate(url("/prediction"));
            Locator atRisk = page.locator("#prediction-at-risk");
            assertThat(atRisk.locator("a").first()).isVisible();
            String customerPage = atRisk.locator("a").first().getAttribute("href");
            // The prediction screen shows what the model says: two charts drawn and the customers most at risk.
            for (String chart : List.of("#prediction-p-alive-chart", "#prediction-purchases-chart")) {
                assertThat(page.locator(chart + " svg path").first()).isAttached();
                assertThat(page.locator(chart + " svg path").count()).as(chart).isGreaterThan(5);
            }
            Screenshots.shoot(page, "prediction-" + who.getKey());
            page.navigate(url("/" + customerPage.replaceFirst("^/", "")));
            assertThat(page.locator("#customer-prediction-figures")).containsText(
                    Pattern.compile(zh ? "价值约 ¥[0-9]" : "worth about CN¥[0-9]"));

            // The RFM segments in the map's order: Champions first.
            page.navigate(url("/segments"));
            assertThat(page.locator("#segments-rfm vaadin-grid-cell-content").first()).isAttached();
            assertThat(page.locator("#segments-rfm")).containsText(zh ? "重要价值客户" : "Champions");
            Object firstRow = page.locator("#segments-rfm").evaluate("grid => {"
                    + " const rows = [...grid.shadowRoot.querySelectorAll('#items tr')].filter(r => !r.hidden)"
                    + "   .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);"
                    + " return rows[0].querySelector('td slot').assignedNodes({flatten: true})[0].textContent; }");
            assertThat(firstRow).isEqualTo(zh ? "重要价值客户" : "Champions");
            Screenshots.shoot(page, "segments-" + who.getKey());

            // The dashboard: lifecycle stages as bars, and a click on a move lists the customers who made it.
            page.navigate(url("/"));
            Locator lifecycle = page.locator("#chart-lifecycle");
            assertThat(lifecycle.locator("svg path").first()).isAttached();
            assertThat(lifecycle.evaluate("chart => chart.chart.getOption().series[0].type")).isEqualTo("bar");
            Locator moves = page.locator("#chart-migration");
            assertThat(moves.locator("svg path").first()).isAttached();
            moves.scrollIntoViewIfNeeded();
            // Where a move's cell is on the page: echarts gives it within its own element.
            @SuppressWarnings("unchecked")
            List<Number> cell = (List<Number>) moves.evaluate("chart => {"
                    + " const move = chart.chart.getOption().series[0].data"
                    + "   .find(item => item.key && item.key.startsWith('move:'));"
                    + " const at = chart.chart.convertToPixel({seriesIndex: 0}, [move.value[0], move.value[1]]);"
                    + " const box = chart.chart.getDom().getBoundingClientRect();"
                    + " return [box.left + at[0], box.top + at[1]]; }");
            page.mouse().click(cell.get(0).doubleValue(), cell.get(1).doubleValue());
            assertThat(page.locator("#movers-grid vaadin-grid-cell-content").first()).isAttached();
            assertThat(page.locator("#movers-count")).isVisible();
            Screenshots.shoot(page, "dashboard-movers-" + who.getKey());
            page.context().close();
        }
    }
}
