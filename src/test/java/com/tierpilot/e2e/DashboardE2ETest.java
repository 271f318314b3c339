package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.tierpilot.analytics.DashboardFixtures;
import com.tierpilot.analytics.DashboardService;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner opens the dashboard, sees every chart drawn, saves one as PNG, and drills down from a tier's bar. */
class DashboardE2ETest extends EndToEndTest {

    private static final List<String> CHARTS = List.of("tiers", "segments", "pareto", "heatmap", "migration",
            "trend", "lifecycle");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    DashboardService dashboards;

    @Test
    void anOwnerSeesEveryChartDrawnAndClicksTierAThroughToItsCustomers() {
        TestTenant shop = tenants.signUp("Chart Tea House", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        LocalDate today = segmentation.today(shop.id());
        DashboardFixtures.tenBuyers(customers, shop.id(), "CT-", today);
        segmentation.runNow(shop.id(), today.minusWeeks(4), RunTrigger.MANUAL);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        int tierA = dashboards.current(shop.id()).orElseThrow().abc().stream()
                .filter(s -> s.key().equals("A")).findFirst().orElseThrow().customers();

        Page page = browser.newPage("en-US");
        // The pages send a Content-Security-Policy: whatever it refuses, the browser reports on the console.
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });
        SignIn.as(page, url("/login"), shop.owner().email(), TestTenants.PASSWORD);
        page.navigate(url("/"));
        var headers = page.request().get(url("/")).headers();
        assertThat(headers.get("content-security-policy")).contains("default-src 'self'");
        assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(headers.get("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");

        // Every chart has drawn: an SVG with shapes in it.
        for (String chart : CHARTS) {
            Locator shapes = page.locator("#chart-" + chart + " svg path");
            assertThat(shapes.first()).isAttached();
            assertThat(shapes.count()).as(chart).isGreaterThan(5);
        }
        assertThat(page.locator("#kpi-customers .kpi-value")).hasText("10");

        // "Save as PNG" draws the chart into a PNG.
        Object png = page.locator("#chart-pareto").evaluate("chart => chart.toPngDataUrl()");
        assertThat((String) png).startsWith("data:image/png;base64,").hasSizeGreaterThan(5_000);

        // A click on the customers bar of tier A opens the customer list filtered to tier A.
        Locator tiers = page.locator("#chart-tiers");
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) tiers.evaluate("chart => {"
                + " const bar = chart.chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);"
                + " return [bar.x + bar.width / 2, bar.y + bar.height / 2]; }");
        BoundingBox box = tiers.boundingBox();
        page.mouse().click(box.x + pixel.get(0).doubleValue(), box.y + pixel.get(1).doubleValue());
        page.waitForURL(Pattern.compile(".*/customers\\?abc=A$"));
        assertThat(page.locator("#customer-count")).hasText(tierA + " customers");
        assertThat(page.locator("#customer-grid")).containsText("CT-10");
        assertThat(refused).as("nothing the app needs is refused by its Content-Security-Policy").isEmpty();
    }
}
