package com.tierpilot.campaign.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.campaign.AlwaysOnCampaign;
import com.tierpilot.campaign.AlwaysOnCampaignService;
import com.tierpilot.campaign.AlwaysOnCoupon;
import com.tierpilot.campaign.AlwaysOnDefinition;
import com.tierpilot.campaign.AlwaysOnTrigger;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.campaign.ExitCondition;
import com.tierpilot.campaign.JourneyStep;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.customer.ui.CustomerDetailView;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The always-on campaign screens as a marketer uses them, without a browser. */
@IntegrationTest
class AlwaysOnViewsTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    AlwaysOnCampaignService alwaysOn;
    @Autowired
    RevisitPlanService plans;
    @Autowired
    TenantService tenantService;
    @Autowired
    MutableClock clock;

    TestTenant shop;
    TierPilotUser marketer;

    @BeforeEach
    void aShopWithAtRiskCustomersRevisitPlansAndAMarketer() {
        shop = tenants.signUp("Always On Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        new CampaignFixtures(customers, segmentation, campaigns, clock).atRiskCustomers(shop.id(), "AO", 10);
        plans.addAbcPresets(shop.id());
        marketer = shop.addUser(Role.MARKETER);
        TestTenants.signIn(marketer);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPresetInOneClickShowsThePreviewAndIsChangedIntoVersionTwoSwitchedOnPausedAndResumed() {
        navigate(AlwaysOnListView.class);
        test(find(Button.class).withId("always-on-preset-win-back").single()).click();

        assertThat(find(H2.class).withId("always-on-title").single().getText())
                .isEqualTo("Win back customers who drop a tier");
        assertThat(find(Span.class).withId("always-on-status").single().getText()).isEqualTo("Draft");
        assertThat(find(Paragraph.class).withId("always-on-trigger").single().getText())
                .isEqualTo("Who enters: customers who drop from tier A to a lower tier");
        assertThat(find(Paragraph.class).withId("always-on-steps").single().getText())
                .startsWith("Version 1: after 0 days, Coupon code → after 7 days, Revisit task (unless");
        assertThat(find(Paragraph.class).withId("always-on-preview").single().getText())
                .startsWith("In the last nightly run, so many customers would have entered");
        AlwaysOnCampaign preset = alwaysOn.list(shop.id()).getFirst();

        navigate("campaigns/always-on/edit/" + preset.id(), AlwaysOnEditView.class);
        test(find(TextField.class).withId("always-on-name").single()).setValue("Win back, gentler");
        test(find(Button.class).withId("always-on-preview-button").single()).click();
        assertThat(find(Paragraph.class).withId("always-on-preview").single().getText()).contains("the last nightly run,");
        test(find(Button.class).withId("always-on-save").single()).click();

        assertThat(find(H2.class).withId("always-on-title").single().getText()).isEqualTo("Win back, gentler");
        assertThat(find(Paragraph.class).withId("always-on-steps").single().getText()).startsWith("Version 2:");
        test(find(Button.class).withId("always-on-switch-on").single()).click();
        assertThat(find(Span.class).withId("always-on-status").single().getText()).isEqualTo("Active");
        test(find(Button.class).withId("always-on-pause").single()).click();
        assertThat(find(Span.class).withId("always-on-status").single().getText()).isEqualTo("Paused");
        test(find(Button.class).withId("always-on-resume").single()).click();
        assertThat(find(Span.class).withId("always-on-status").single().getText()).isEqualTo("Active");
        navigate(AlwaysOnListView.class);
        assertThat(test((Grid<AlwaysOnCampaign>) find(Grid.class).withId("always-on-grid").single()).size())
                .isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void entrantsOfANightShowInTheResultsByWeekOnTheChartAndWithTheirCodeOnTheCustomerPage() {
        long id = alwaysOn.create(shop.id(), marketer.userId(), "At risk, always", null, new AlwaysOnDefinition(
                AlwaysOnTrigger.SEGMENT, "LIFECYCLE", "at_risk", null, null, 20, null, Set.of(ExitCondition.BOUGHT),
                14, List.of(JourneyStep.coupon(0, false)), new AlwaysOnCoupon(DiscountType.FIXED, BigDecimal.TEN,
                        null, BigDecimal.ZERO, "AR", 30)), null);
        alwaysOn.switchOn(shop.id(), id);
        // Twelve customers who last bought 85 days ago: at risk after ten more days.
        LocalDate today = tenantService.today(shop.id());
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            people.add(new CustomerRecord("NR" + i, "Drifting " + i, null, null, null, null, null, null, null, null,
                    null, Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of()));
            for (int o = 0; o < 2; o++) {
                orders.add(new OrderRecord("NR" + i + "-" + o, "NR" + i, today.minusDays(85 + 30L * o).atTime(10, 0),
                        new BigDecimal("150"), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        clock.advance(Duration.ofDays(10));
        LocalDate later = tenantService.today(shop.id());
        segmentation.runNow(shop.id(), later, RunTrigger.SCHEDULE);
        var night = alwaysOn.night(shop.id(), later);
        assertThat(night.entered()).isEqualTo(12);

        navigate("campaigns/always-on/" + id, AlwaysOnDetailView.class);
        Grid<AlwaysOnDetailView.CohortRow> results = find(Grid.class).withId("always-on-results").single();
        assertThat(test(results).size()).as("one week and all weeks").isEqualTo(2);
        assertThat(test(results).getRow(0).entrants()).isEqualTo((12 - night.control()) + " / " + night.control());
        assertThat(test(results).getRow(1).week()).startsWith("All weeks");
        assertThat(find(EChart.class).withId("always-on-chart").single().getOption())
                .contains("\"Target conversion %\"", "\"Control conversion %\"", "\"Entrants\"");
        Grid<?> entrants = find(Grid.class).withId("always-on-entrants").single();
        assertThat(test(entrants).size()).isEqualTo(12);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("always-on-codes-export").exists())
                .isTrue();

        var target = alwaysOn.entries(shop.id(), id, 0, 20).stream().filter(e -> !e.control()).findFirst()
                .orElseThrow();
        TestTenants.signIn(shop.owner());
        navigate("customers/" + target.customerCode(), CustomerDetailView.class);
        Grid<?> coupons = find(Grid.class).withId("customer-coupon-grid").single();
        assertThat(test(coupons).getCellText(0, 0)).startsWith("AR");
    }
}
