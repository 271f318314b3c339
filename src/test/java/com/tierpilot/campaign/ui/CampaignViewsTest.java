package com.tierpilot.campaign.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignAction;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.CampaignStatus;
import com.tierpilot.campaign.CampaignTasks;
import com.tierpilot.campaign.CouponCode;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.ui.CustomerDetailView;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The campaign screens as a marketer and the shop staff use them, without a browser. */
@IntegrationTest
class CampaignViewsTest extends BrowserlessViewTest {

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
    com.tierpilot.revisit.RevisitPlanService plans;

    TestTenant shop;
    TierPilotUser marketer;

    @BeforeEach
    void aShopWithTwentyAtRiskCustomersAndAMarketer() {
        shop = tenants.signUp("Campaign View Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        new CampaignFixtures(customers, segmentation, campaigns, clock).atRiskCustomers(shop.id(), "V", 20);
        marketer = shop.addUser(Role.MARKETER);
        TestTenants.signIn(marketer);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMarketerCreatesACouponCampaignOnAtRiskCustomersWithATenPercentHoldoutLaunchesItAndSeesTheCodes() {
        navigate(CampaignWizardView.class);
        test(find(TextField.class).withId("campaign-name").single()).setValue("Win back at risk");
        MultiSelectComboBox<String> include = find(MultiSelectComboBox.class).withId("campaign-include").single();
        include.setValue(Set.of("LIFECYCLE:at_risk"));
        test(find(BigDecimalField.class).withId("campaign-value").single()).setValue(new BigDecimal("10"));

        test(find(Button.class).withId("campaign-preview-button").single()).click();
        assertThat(find(Paragraph.class).withId("campaign-preview").single().getText())
                .isEqualTo("Audience: 20 customers – about 18 get the actions, about 2 are held out as the control group (an"
                        + " estimate: the control group is drawn at random at launch, so the split varies a little).");
        test(find(Button.class).withId("campaign-save").single()).click();

        assertThat(find(H2.class).withId("campaign-title").single().getText()).isEqualTo("Win back at risk");
        assertThat(find(Span.class).withId("campaign-status").single().getText()).isEqualTo("Draft");
        assertThat(find(Paragraph.class).withId("campaign-audience").single().getText()).startsWith("Audience: 20");
        test(find(Button.class).withId("campaign-launch").single()).click();

        assertThat(find(Span.class).withId("campaign-status").single().getText()).isEqualTo("Active");
        var launched = campaigns.page(shop.id(), 0, 1).getFirst();
        assertThat(launched.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(launched.holdoutPercent()).isEqualTo(10);
        Grid<CouponCode> codes = find(Grid.class).withId("campaign-codes").single();
        assertThat(test(codes).size()).isEqualTo(launched.targetMembers());
        assertThat(test(codes).getRow(0).code()).startsWith("TP");

        navigate(CampaignListView.class);
        assertThat(test((Grid<?>) find(Grid.class).withId("campaign-grid").single()).size()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStaffRedeemsACodeAndTheResultsAndTheCustomerPageShowIt() {
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        var campaign = fixtures.launchedOnAtRisk(shop, "Staff test", 10,
                fixtures.uniqueCodes(com.tierpilot.campaign.DiscountType.SPEND_SAVE, "20", "100", "0", 1, 1, null));
        CouponCode code = campaigns.codes(shop.id(), campaign.id(), 0, 1).getFirst();

        navigate(RedeemView.class);
        test(find(TextField.class).withId("redeem-code").single()).setValue(code.code());
        test(find(TextField.class).withId("redeem-customer").single()).setValue(code.customerCode());
        test(find(TextField.class).withId("redeem-orderNo").single()).setValue("SO-STAFF-1");
        test(find(BigDecimalField.class).withId("redeem-amount").single()).setValue(new BigDecimal("80"));
        test(find(Button.class).withId("redeem-submit").single()).click();
        Paragraph result = find(Paragraph.class).withId("redeem-result").single();
        assertThat(result.getText()).startsWith("Not accepted: The order must be at least");
        test(find(BigDecimalField.class).withId("redeem-amount").single()).setValue(new BigDecimal("120"));
        test(find(Button.class).withId("redeem-submit").single()).click();
        assertThat(result.getText()).isEqualTo("Discount CN¥20.00: the customer pays CN¥100.00.");
        test(find(TextField.class).withId("redeem-orderNo").single()).setValue("SO-STAFF-0");
        test(find(Button.class).withId("redeem-reverse").single()).click();
        assertThat(result.getText()).isEqualTo("No coupon was redeemed on the order SO-STAFF-0.");

        navigate("campaigns/" + campaign.id() + "/results", CampaignResultsView.class);
        Grid<CampaignResultsView.Row> figures = find(Grid.class).withId("campaign-results").single();
        assertThat(test(figures).getRow(1).target()).isEqualTo("1");
        assertThat(find(Paragraph.class).withId("campaign-discount-cost").single().getText()).contains("20.00");
        assertThat(find(Paragraph.class).withId("campaign-conversion-lift").single().getText())
                .as("each lift line names its figure").startsWith("Conversion lift:");
        assertThat(find(Paragraph.class).withId("campaign-revenue-lift").single().getText())
                .startsWith("Revenue per member lift:");
        var rates = find(com.tierpilot.base.ui.chart.EChart.class).withId("campaign-results-chart").single();
        assertThat(rates.getOption()).as("the chart compares target and control in the user's language")
                .contains("\"Target\"", "\"Control\"", "\"Redemption rate\"");
        assertThat(find(com.tierpilot.base.ui.chart.EChart.class).withId("campaign-results-revenue-chart").exists())
                .isTrue();

        navigate("customers/" + code.customerCode(), CustomerDetailView.class);
        Grid<?> coupons = find(Grid.class).withId("customer-coupon-grid").single();
        assertThat(test(coupons).getCellText(0, 0)).isEqualTo(code.code());
        assertThat(test(coupons).getCellText(0, 3)).isEqualTo("1 / 1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSharedCodeCampaignIsSavedWithTheCodeAndManyUsesPerCode() {
        navigate(CampaignWizardView.class);
        test(find(TextField.class).withId("campaign-name").single()).setValue("Spring sale");
        ((MultiSelectComboBox<String>) find(MultiSelectComboBox.class).withId("campaign-include").single())
                .setValue(Set.of("LIFECYCLE:at_risk", "RFM:at_risk"));
        find(com.vaadin.flow.component.select.Select.class).withId("campaign-discountType").single()
                .setValue(com.tierpilot.campaign.DiscountType.SPEND_SAVE);
        test(find(BigDecimalField.class).withId("campaign-value").single()).setValue(new BigDecimal("30"));
        test(find(BigDecimalField.class).withId("campaign-threshold").single()).setValue(new BigDecimal("200"));
        find(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).withId("campaign-codeMode").single()
                .setValue(com.tierpilot.campaign.CodeMode.SHARED);
        test(find(TextField.class).withId("campaign-sharedCode").single()).setValue("spring-30");

        test(find(Button.class).withId("campaign-save").single()).click();

        var saved = campaigns.page(shop.id(), 0, 1).getFirst();
        assertThat(saved.include()).containsExactlyInAnyOrder("LIFECYCLE:at_risk", "RFM:at_risk");
        assertThat(saved.coupon().sharedCode()).isEqualTo("SPRING-30");
        assertThat(saved.coupon().perCodeLimit()).isEqualTo(CampaignForm.SHARED_CODE_USES);
        assertThat(saved.coupon().spendThreshold()).isEqualByComparingTo("200");
        assertThat(find(H2.class).withId("campaign-title").single().getText()).isEqualTo("Spring sale");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyActionCanBeChosenAndTheRevisitActionAsksForAPlanWhoseTasksTheLaunchMakes() {
        plans.addAbcPresets(shop.id());
        navigate(CampaignWizardView.class);
        var actions = (com.vaadin.flow.component.checkbox.CheckboxGroup<CampaignAction>) find(
                com.vaadin.flow.component.checkbox.CheckboxGroup.class).withId("campaign-actions").single();
        assertThat(CampaignAction.values()).as("no action is disabled or to come")
                .allMatch(a -> actions.getItemEnabledProvider().test(a))
                .allMatch(a -> !actions.getItemLabelGenerator().apply(a).contains("soon"));
        assertThat(find(com.vaadin.flow.component.combobox.ComboBox.class).withId("campaign-revisitPlan").exists())
                .as("no plan to choose without the revisit action").isFalse();
        test(find(TextField.class).withId("campaign-name").single()).setValue("Call them");
        ((MultiSelectComboBox<String>) find(MultiSelectComboBox.class).withId("campaign-include").single())
                .setValue(Set.of("LIFECYCLE:at_risk"));
        actions.setValue(Set.of(CampaignAction.REVISIT_PLAN));
        var plan = (com.vaadin.flow.component.combobox.ComboBox<CampaignTasks.PlanChoice>) find(
                com.vaadin.flow.component.combobox.ComboBox.class).withId("campaign-revisitPlan").single();
        test(find(Button.class).withId("campaign-save").single()).click();
        assertThat(campaigns.count(shop.id())).as("no plan chosen: not saved").isZero();

        CampaignTasks.PlanChoice call = test(plan).getSuggestionItems().stream()
                .filter(p -> p.name().equals("revisit.preset.B.name")).findFirst().orElseThrow();
        assertThat(test(plan).getSuggestions()).contains("Tier B: half-monthly call (Call)");
        plan.setValue(call);
        test(find(Button.class).withId("campaign-save").single()).click();
        assertThat(find(Paragraph.class).withId("campaign-revisit").single().getText())
                .contains("Tier B: half-monthly call");
        test(find(Button.class).withId("campaign-launch").single()).click();

        var launched = campaigns.page(shop.id(), 0, 1).getFirst();
        assertThat(find(Paragraph.class).withId("campaign-revisit").single().getText())
                .isEqualTo("Revisit tasks (Call them): " + launched.targetMembers() + " open, 0 done.");
    }

    @Test
    void anAccountManagerMayRedeemButNotSeeCampaigns() {
        TestTenants.signIn(shop.addUser(Role.ACCOUNT_MANAGER));
        openNewTab();
        navigate(RedeemView.class);
        assertThat(find(Button.class).withId("redeem-submit").exists()).isTrue();
        assertThat(List.of(CampaignListView.class.getAnnotation(jakarta.annotation.security.RolesAllowed.class)
                .value())).doesNotContain(Role.ACCOUNT_MANAGER_NAME);
    }
}
