package com.tierpilot.loyalty.ui;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.loyalty.LoyaltyTier;
import com.tierpilot.loyalty.Reward;
import com.tierpilot.loyalty.TierSettings;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RewardsViewTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    com.tierpilot.loyalty.LoyaltyProgramService program;
    @Autowired
    com.tierpilot.loyalty.LoyaltyTierService tiers;

    TestTenant shop;
    long member;

    @BeforeEach
    void aShopWithAMemberOfAHundredPoints() {
        shop = tenants.signUp("Reward Counter Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        customers.upsertCustomers(shop.id(), List.of(customer("VIP-7", "王芳", "杭州")));
        member = queries.byCode(shop.id(), "VIP-7").orElseThrow().id();
        ledger.award(shop.id(), member, 100, PointsReason.MANUAL, null, "welcome", null);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerAddsARewardAndStaffRedeemTheLastOneForACustomersPoints() {
        navigate(RewardsView.class);
        test(find(Button.class).withId("reward-new").single()).click();
        test(find(TextField.class).withId("reward-name").single()).setValue("Tea set");
        find(IntegerField.class).withId("reward-cost").single().setValue(60);
        find(IntegerField.class).withId("reward-stock").single().setValue(1);
        test(find(Button.class).withId("reward-save").single()).click();
        Grid<Reward> grid = find(Grid.class).withId("reward-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 2)).as("left in stock").isEqualTo("1");

        TierPilotUser staff = shop.addUser(Role.ACCOUNT_MANAGER);
        TestTenants.signIn(staff);
        openNewTab();
        navigate(RewardsView.class);
        assertThat(find(Button.class).withId("reward-new").all()).as("staff do not edit the catalogue").isEmpty();
        find(TextField.class).withId("redeem-customer").single().setValue("vip-7");
        ComboBox<Reward> reward = find(ComboBox.class).withId("redeem-reward").single();
        reward.setValue(test((Grid<Reward>) find(Grid.class).withId("reward-grid").single()).getRow(0));
        Button redeem = find(Button.class).withId("redeem-button").single();
        test(redeem).click();

        assertThat(ledger.balance(shop.id(), member).points()).isEqualTo(40);
        assertThat(find(Notification.class).all().stream().map(n -> test(n).getText()).toList())
                .contains("Tea set redeemed for vip-7: 60 points taken, 40 left.");
        Grid<Reward> staffGrid = find(Grid.class).withId("reward-grid").single();
        assertThat(test(staffGrid).getCellText(0, 2)).isEqualTo("0");

        test(redeem).click();
        assertThat(find(Notification.class).all().stream().map(n -> test(n).getText()).toList())
                .as("the last one is gone").contains("Tea set is out of stock or no longer offered.");
        assertThat(ledger.balance(shop.id(), member).points()).isEqualTo(40);
    }

    @Test
    void theOwnerSwitchesThePointsRulesOnWithADoublePointsCategory() {
        navigate(RewardsView.class);
        test(find(Button.class).withId("program-rules").single()).click();
        find(com.vaadin.flow.component.checkbox.Checkbox.class).withId("program-enabled").single().setValue(true);
        find(com.vaadin.flow.component.textfield.BigDecimalField.class).withId("program-rate").single()
                .setValue(new java.math.BigDecimal("1.5"));
        test(find(Button.class).withId("program-add-multiplier").single()).click();
        var categories = find(TextField.class).all().stream()
                .filter(f -> "Category or channel".equals(f.getPlaceholder())).toList();
        categories.getFirst().setValue("Tea");
        test(find(Button.class).withId("program-save").single()).click();

        var rules = program.rules(shop.id());
        assertThat(rules.enabled()).isTrue();
        assertThat(rules.pointsPerUnit()).isEqualByComparingTo("1.5");
        assertThat(rules.multipliers()).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo("Tea");
            assertThat(m.factor()).isEqualByComparingTo("2");
        });
        assertThat(rules.earnFrom()).as("today, in the shop's zone, unless changed").isNotNull();
    }

    @Test
    void theOwnerAddsSilverAndGoldTiersAndCountsSpendReviewedOnTheFirstOfApril() {
        navigate(RewardsView.class);
        test(find(Button.class).withId("tiers-edit").single()).click();
        find(TextField.class).withId("tier-name").single().setValue("Silver");
        find(BigDecimalField.class).withId("tier-threshold").single().setValue(new BigDecimal("500"));
        find(TextArea.class).withId("tier-benefits").single().setValue("5% off");
        test(find(Button.class).withId("tier-save").single()).click();
        find(TextField.class).withId("tier-name").single().setValue("Gold");
        find(BigDecimalField.class).withId("tier-threshold").single().setValue(new BigDecimal("2000"));
        test(find(Button.class).withId("tier-save").single()).click();
        @SuppressWarnings("unchecked")
        Select<TierSettings.Basis> basis = find(Select.class).withId("tiers-basis").single();
        basis.setValue(TierSettings.Basis.SPEND);
        find(IntegerField.class).withId("tiers-review-month").single().setValue(4);
        test(find(Button.class).withId("tiers-settings-save").single()).click();

        assertThat(tiers.tiers(shop.id())).extracting(LoyaltyTier::name, t -> t.threshold().intValue(),
                LoyaltyTier::benefits).containsExactly(tuple("Silver", 500, "5% off"), tuple("Gold", 2000, null));
        assertThat(tiers.settings(shop.id())).isEqualTo(new TierSettings(TierSettings.Basis.SPEND, 4, 1));
        @SuppressWarnings("unchecked")
        Grid<LoyaltyTier> grid = find(Grid.class).withId("tiers-grid").single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(1, 0)).isEqualTo("Gold");
        assertThat(find(TextField.class).withId("tier-name").single().getValue()).as("the form is cleared")
                .isEmpty();
    }

    @Test
    void theOwnerChangesATiersBenefitsAndDeletesAnother() {
        LoyaltyTier silver = tiers.save(shop.id(), null, "Silver", new BigDecimal("500"), null);
        LoyaltyTier gold = tiers.save(shop.id(), null, "Gold", new BigDecimal("2000"), null);
        navigate(RewardsView.class);
        test(find(Button.class).withId("tiers-edit").single()).click();
        @SuppressWarnings("unchecked")
        Grid<LoyaltyTier> grid = find(Grid.class).withId("tiers-grid").single();
        test(tierButton(grid, 0, "tier-edit-" + silver.id())).click();
        assertThat(find(TextField.class).withId("tier-name").single().getValue()).isEqualTo("Silver");
        find(TextArea.class).withId("tier-benefits").single().setValue("Free delivery");
        test(find(Button.class).withId("tier-save").single()).click();
        test(tierButton(grid, 1, "tier-delete-" + gold.id())).click();

        assertThat(tiers.tiers(shop.id())).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(silver.id());
            assertThat(t.benefits()).isEqualTo("Free delivery");
        });
    }

    @Test
    void aTierThresholdTakenTwiceIsRefusedWithAMessage() {
        tiers.save(shop.id(), null, "Silver", new BigDecimal("500"), null);
        navigate(RewardsView.class);
        test(find(Button.class).withId("tiers-edit").single()).click();
        find(TextField.class).withId("tier-name").single().setValue("Also silver");
        find(BigDecimalField.class).withId("tier-threshold").single().setValue(new BigDecimal("500"));
        test(find(Button.class).withId("tier-save").single()).click();

        assertThat(find(Notification.class).all().stream().map(n -> test(n).getText()).toList())
                .contains("Another tier has this threshold.");
        assertThat(tiers.tiers(shop.id())).hasSize(1);
    }

    /** A button of the tier grid's last column. */
    private Button tierButton(Grid<LoyaltyTier> grid, int row, String id) {
        return test(grid).getCellComponent(row, 4).getChildren().map(Button.class::cast)
                .filter(b -> b.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }
}
