package com.tierpilot.analytics.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.analytics.DashboardFixtures;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.ui.CustomerListView;
import com.tierpilot.prediction.PredictionService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DashboardViewTest extends BrowserlessViewTest {

    private static final LocalDate D = LocalDate.of(2025, 7, 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    PredictionService predictions;

    TestTenant shop;

    @BeforeEach
    void aShopWithTenBuyers() {
        shop = tenants.signUp("Chart Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        DashboardFixtures.tenBuyers(customers, shop.id(), "V", D);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void beforeTheFirstRunTheDashboardSaysThatTheChartsComeWithIt() {
        openNewTab();
        navigate(DashboardView.class);

        assertThat(find(Paragraph.class).withId("dashboard-empty").single().getText())
                .startsWith("No segmentation run yet");
        assertThat(find(EChart.class).all()).isEmpty();
    }

    @Test
    void aNewCompanyIsGuidedFromImportToItsFirstDashboardAsOfTheDayAfterItsOldData() {
        TestTenant fresh = tenants.signUp("Fresh Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        openNewTab();
        navigate(DashboardView.class);

        Div panel = find(Div.class).withId("getting-started").single();
        assertThat(step("import").getElement().getAttribute("data-done")).isEqualTo("false");
        assertThat(find(Button.class).withId("getting-started-import").single().isEnabled()).isTrue();
        assertThat(find(Button.class).withId("getting-started-recompute").single().isEnabled())
                .as("nothing to recompute before an import").isFalse();
        assertThat(panel.isVisible()).isTrue();

        // Orders of a year and a half ago: a recompute as of today would find no active customer.
        DashboardFixtures.tenBuyers(customers, fresh.id(), "F", D);
        reopenDashboard();
        assertThat(step("import").getElement().getTextRecursively()).contains("10 customers and 55 orders");
        assertThat(step("recompute").getElement().getTextRecursively())
                .contains("a recompute as of today would find no active customer");
        Button recompute = find(Button.class).withId("getting-started-recompute").single();
        assertThat(recompute.getText()).isEqualTo("Recompute as of June 22, 2025");

        segmentation.runNow(fresh.id(), LocalDate.of(2025, 6, 22), RunTrigger.MANUAL);
        reopenDashboard();
        assertThat(find(Div.class).withId("getting-started").exists()).as("done: the company sees its dashboard")
                .isFalse();
        assertThat(kpi("kpi-active")).isEqualTo("10");
    }

    @Test
    void aNewCompanyTriesItWithSampleDataAndRemovesItInOneClick() {
        TestTenant fresh = tenants.signUp("Sample Try Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        openNewTab();
        navigate(DashboardView.class);
        assertThat(step("import").getElement().getTextRecursively()).contains("removable in one click");

        test(find(Button.class).withId("getting-started-sample").single()).click();
        await().atMost(Duration.ofMinutes(2)).until(() -> segmentation.currentRun(fresh.id()).isPresent()
                && predictions.model(fresh.id()).isPresent());
        reopenDashboard();

        assertThat(find(Div.class).withId("sample-data").single().getElement().getTextRecursively())
                .startsWith("This company holds sample data: 400 customers and");
        assertThat(kpi("kpi-customers")).isEqualTo("400");
        test(find(Button.class).withId("sample-data-remove").single()).click();
        reopenDashboard();

        assertThat(find(Div.class).withId("sample-data").exists()).isFalse();
        assertThat(find(Paragraph.class).withId("dashboard-empty").exists()).isTrue();
        assertThat(step("import").getElement().getAttribute("data-done")).isEqualTo("false");
    }

    @Test
    void aHiddenGuideStaysHiddenAndAnEmptyDashboardStillSaysWhatToDo() {
        openNewTab();
        navigate(DashboardView.class);
        test(find(Button.class).withId("getting-started-dismiss").single()).click();

        reopenDashboard();

        assertThat(find(Div.class).withId("getting-started").exists()).isFalse();
        assertThat(find(Button.class).withId("dashboard-empty-segments").single().getText())
                .isEqualTo("Open Segments to recompute");
    }

    @Test
    void afterARunTheDashboardShowsTheKpisAndEveryChartWithTranslatedLabels() {
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        openNewTab();

        navigate(DashboardView.class);

        assertThat(kpi("kpi-customers")).isEqualTo("10");
        assertThat(kpi("kpi-active")).isEqualTo("10");
        assertThat(kpi("kpi-revenue")).isEqualTo("CN¥38,500.00");
        assertThat(find(EChart.class).all()).extracting(c -> c.getId().orElseThrow()).containsExactly(
                "chart-tiers", "chart-segments", "chart-pareto", "chart-heatmap", "chart-trend", "chart-lifecycle");
        JsonNode tiers = option("chart-tiers");
        assertThat(tiers.at("/xAxis/data/0").asString()).isEqualTo("A – top value");
        assertThat(tiers.at("/series/0/data/0/key").asString()).isEqualTo("abc:A");
        JsonNode pareto = option("chart-pareto");
        assertThat(pareto.at("/series/0/data")).hasSize(101);
        assertThat(pareto.at("/series/0/markLine/data/0/yAxis").asInt()).isEqualTo(80);
        JsonNode lifecycle = option("chart-lifecycle");
        assertThat(lifecycle.at("/series/0/type").asString()).as("counts per stage, not a funnel").isEqualTo("bar");
        List<String> stages = new ArrayList<>();
        lifecycle.at("/xAxis/data").forEach(n -> stages.add(n.asString()));
        assertThat(stages).isNotEmpty();
        assertThat(List.of("Potential", "New", "Active", "Loyal", "At risk", "Churned")).as("in the stages' order")
                .containsSubsequence(stages);
        assertThat(find(Paragraph.class).withId("migration-none").exists()).isTrue();
    }

    @Test
    void theChartsSpeakTheUsersLanguageAndOfferToSaveThemselvesAsPng() {
        TestTenant chinese = tenants.signUp("图表公司", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE)
                .signInAsOwner();
        DashboardFixtures.tenBuyers(customers, chinese.id(), "Z", D);
        segmentation.runNow(chinese.id(), D, RunTrigger.MANUAL);
        openNewTab();

        navigate(DashboardView.class);

        EChart tiers = find(EChart.class).withId("chart-tiers").single();
        assertThat(option("chart-tiers").at("/xAxis/data/0").asString()).isEqualTo("A 类 – 高价值");
        assertThat(option("chart-tiers").at("/legend/data/0").asString()).isEqualTo("客户数");
        assertThat(tiers.getElement().getProperty("locale")).isEqualTo("zh-CN");
        assertThat(tiers.getElement().getProperty("saveLabel")).isEqualTo("保存为 PNG 图片");
        assertThat(tiers.getElement().getProperty("fileName")).isEqualTo("tiers");
    }

    @Test
    void theMigrationMatrixAppearsAfterTheSecondRunAndSwitchesScheme() {
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        segmentation.runNow(shop.id(), D.plusDays(30), RunTrigger.MANUAL);
        openNewTab();

        navigate(DashboardView.class);

        assertThat(option("chart-migration").at("/yAxis/name").asString()).isEqualTo("Previous run");
        @SuppressWarnings("unchecked")
        Select<String> scheme = find(Select.class).withId("scheme-migration").single();
        test(scheme).selectItem("ABC tiers");
        assertThat(option("chart-migration").at("/series/0/data/0/name").asString()).contains("→");
        assertThat(option("chart-trend").at("/xAxis/data")).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingAMoveListsTheCustomersWhoMadeIt() {
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        segmentation.runNow(shop.id(), D.plusDays(200), RunTrigger.MANUAL);
        openNewTab();
        navigate(DashboardView.class);
        Select<String> scheme = find(Select.class).withId("scheme-migration").single();
        test(scheme).selectItem("Lifecycle stages");

        JsonNode move = null;
        for (JsonNode cell : option("chart-migration").at("/series/0/data")) {
            if (cell.path("key").asString("").startsWith("move:")) {
                move = cell;
            }
        }
        assertThat(move).as("200 days later some customers are at risk").isNotNull();
        EChart chart = find(EChart.class).withId("chart-migration").single();
        ComponentUtil.fireEvent(chart, new EChart.ChartClickEvent(chart, true, 0, "Customers", "", 0,
                move.path("key").asString()));

        int moved = move.at("/value/2").asInt();
        var movers = (com.vaadin.flow.component.grid.Grid<com.tierpilot.analytics.DashboardService.Mover>) find(
                com.vaadin.flow.component.grid.Grid.class).withId("movers-grid").single();
        assertThat(test(movers).size()).isEqualTo(moved);
        assertThat(find(Paragraph.class).withId("movers-count").single().getText())
                .isEqualTo(moved + " customers made this move.");
    }

    @Test
    void clickingABarOpensTheCustomerListFilteredToThatGroup() {
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
        openNewTab();
        navigate(DashboardView.class);

        EChart tiers = find(EChart.class).withId("chart-tiers").single();
        ComponentUtil.fireEvent(tiers, new EChart.ChartClickEvent(tiers, true, 0, "Customers", "A – top value", 0,
                "abc:A"));

        assertThat(getCurrentView()).isInstanceOf(CustomerListView.class);
        assertThat(UI.getCurrent().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("abc", List.of("A"));
    }

    /** Opens the dashboard afresh, as a user coming back to it does (a new view, not the one on screen). */
    private void reopenDashboard() {
        navigate(CustomerListView.class);
        navigate(DashboardView.class);
    }

    private com.vaadin.flow.component.orderedlayout.HorizontalLayout step(String name) {
        return find(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class).withId("getting-started-step-" + name)
                .single();
    }

    private String kpi(String id) {
        Div card = find(Div.class).withId(id).single();
        return find(Span.class, card).withClassName("kpi-value").single().getText();
    }

    private JsonNode option(String id) {
        return JSON.readTree(find(EChart.class).withId(id).single().getOption());
    }
}
