package com.tierpilot.analytics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.analytics.DashboardFixtures;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.ui.CustomerListView;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.time.ZoneId;
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
        assertThat(option("chart-lifecycle").at("/series/0/type").asString()).isEqualTo("funnel");
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

    private String kpi(String id) {
        Div card = find(Div.class).withId(id).single();
        return find(Span.class, card).withClassName("kpi-value").single().getText();
    }

    private JsonNode option(String id) {
        return JSON.readTree(find(EChart.class).withId(id).single().getOption());
    }
}
