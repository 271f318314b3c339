package com.tierpilot.segmentation.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RulePreview;
import com.tierpilot.segmentation.RuleSegmentDefinition;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.segmentation.ui.SegmentationSettingsView;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TeamDirectoryService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetTester;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RuleSegmentsPanelTest extends BrowserlessViewTest {

    private static final RuleNode SHANGHAI_FREQUENT_VIP_OR_B = new RuleNode.Group(RuleNode.Logic.AND, List.of(
            condition(RuleField.REGION, RuleOperator.EQUALS, "上海"),
            condition(RuleField.F_SCORE, RuleOperator.GREATER_OR_EQUAL, "3"),
            new RuleNode.Group(RuleNode.Logic.OR, List.of(
                    condition(RuleField.TAGS, RuleOperator.CONTAINS_ANY, "VIP"),
                    condition(RuleField.ABC_TIER, RuleOperator.IN, "B")))));

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    RuleSegmentService rules;
    @Autowired
    TeamDirectoryService team;

    TestTenant shop;

    @BeforeEach
    void aShopWithARecomputedCustomerBase() {
        shop = tenants.signUp("Rules Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        LocalDate today = segmentation.today(shop.id());
        List<OrderRecord> orders = new ArrayList<>();
        for (int c = 1; c <= 30; c++) {
            String region = c % 3 == 0 ? "北京" : "上海";
            Set<String> tags = c % 4 == 0 ? Set.of("VIP") : Set.of("Newsletter");
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("R" + c, "Customer " + c, null, null,
                    null, null, region, null, null, null, null, tags, null, LocalDate.of(2025, 1, 1), true,
                    Map.of("会员卡", c % 2 == 0 ? "金卡" : "银卡"))));
            for (int o = 0; o < c % 6 + 1; o++) {
                orders.add(new OrderRecord("R" + c + "-" + o, "R" + c, today.minusDays(2L * c + 15L * o).atTime(9, 0),
                        BigDecimal.valueOf(40L * c), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aMarketerBuildsARuleSeesTheServiceCountAndSavesEditsSwitchesOffAndDeletesIt() {
        TestTenants.signIn(shop.addUser(Role.MARKETER));
        openNewTab();
        openRuleTab();

        test(find(Button.class).withId("rule-new").single()).click();
        RuleEditor editor = find(RuleEditor.class).single();
        test(editor.nameField()).setValue("上海 regulars");
        GroupEditor root = editor.root();
        ConditionRow region = (ConditionRow) root.parts().getFirst();
        test((TextField) region.valueEditors().getFirst()).setValue("上海");

        clickIn(root, "rule-add-condition");
        ConditionRow frequency = (ConditionRow) root.parts().get(1);
        frequency.fieldSelect().setValue(RuleField.F_SCORE);
        frequency.operatorSelect().setValue(RuleOperator.GREATER_OR_EQUAL);
        test((BigDecimalField) frequency.valueEditors().getFirst()).setValue(new BigDecimal("3"));

        clickIn(root, "rule-add-group");
        GroupEditor either = (GroupEditor) root.parts().get(2);
        either.logicSelect().setValue(RuleNode.Logic.OR);
        ConditionRow vip = (ConditionRow) either.parts().getFirst();
        vip.fieldSelect().setValue(RuleField.TAGS);
        chooseIn(vip, "VIP");
        clickIn(either, "rule-add-condition");
        ConditionRow tierB = (ConditionRow) either.parts().get(1);
        tierB.fieldSelect().setValue(RuleField.ABC_TIER);
        chooseIn(tierB, "B");
        roundTrip();

        assertThat(root.group()).isEqualTo(SHANGHAI_FREQUENT_VIP_OR_B);
        RulePreview expected = rules.preview(shop.id(), SHANGHAI_FREQUENT_VIP_OR_B).orElseThrow();
        assertThat(expected.customers()).isPositive();
        assertThat(editor.previewText().getText())
                .startsWith(Formats.count(expected.customers(), Locale.ENGLISH) + " customers (")
                .contains(percent(expected.revenueShare()) + " of revenue");

        test(find(Button.class).withId("rule-save").single()).click();
        RuleSegmentDefinition saved = rules.list(shop.id()).getFirst();
        assertThat(saved.name()).isEqualTo("上海 regulars");
        assertThat(saved.rule()).isEqualTo(SHANGHAI_FREQUENT_VIP_OR_B);
        Grid<RuleSegmentDefinition> grid = segmentsGrid();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("上海 regulars");

        actionsOfFirstRow(grid, 0).click();
        RuleEditor again = find(RuleEditor.class).single();
        test(again.nameField()).setValue("上海 regulars, renamed");
        test(find(Button.class).withId("rule-save").single()).click();
        RuleSegmentDefinition edited = rules.find(shop.id(), saved.id()).orElseThrow();
        assertThat(edited.version()).isEqualTo(saved.version() + 1);
        assertThat(edited.name()).isEqualTo("上海 regulars, renamed");
        assertThat(edited.rule()).isEqualTo(SHANGHAI_FREQUENT_VIP_OR_B);

        test((Checkbox) test(segmentsGrid()).getCellComponent(0, 2)).click();
        assertThat(rules.find(shop.id(), saved.id()).orElseThrow().active()).isFalse();

        actionsOfFirstRow(segmentsGrid(), 1).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(rules.list(shop.id())).isEmpty();
    }

    @Test
    void theEditorAsksThePreviewOncePerRoundTripAndNotAgainForAnUnchangedRule() {
        TestTenants.signIn(shop.addUser(Role.MARKETER));
        openNewTab();
        openRuleTab();
        test(find(Button.class).withId("rule-new").single()).click();
        RuleEditor editor = find(RuleEditor.class).single();
        ConditionRow region = (ConditionRow) editor.root().parts().getFirst();
        TextField value = (TextField) region.valueEditors().getFirst();
        value.setValue("上");
        value.setValue("上海");
        clickIn(editor.root(), "rule-add-condition");
        ((ConditionRow) editor.root().parts().get(1)).fieldSelect().setValue(RuleField.MARKETING_CONSENT);
        int before = editor.previewCalls();
        roundTrip();
        assertThat(editor.previewCalls()).isEqualTo(before + 1);

        value.setValue("上海 ");
        value.setValue("上海");
        roundTrip();
        assertThat(editor.previewCalls()).as("the same rule is not counted again").isEqualTo(before + 1);
    }

    @Test
    void anIncompleteConditionShowsAHintInChineseInsteadOfAnError() {
        TierPilotUser marketer = shop.addUser(Role.MARKETER);
        TestTenants.signIn(marketer.withLocale(SupportedLocales.CHINESE));
        openNewTab();
        openRuleTab();
        test(find(Button.class).withId("rule-new").single()).click();
        RuleEditor editor = find(RuleEditor.class).single();
        roundTrip();

        assertThat(editor.previewText().getText()).isEqualTo("请填写完每个条件，即可查看匹配的客户数。");
        assertThat(editor.previewCalls()).isZero();
    }

    @Test
    void anAccountManagerSeesTheRuleSegmentsWithoutAnyEditControl() {
        TestTenants.signIn(shop.owner());
        rules.create(shop.id(), shop.owner().userId(), "VIP in 上海", SHANGHAI_FREQUENT_VIP_OR_B);
        TierPilotUser manager = shop.addUser(Role.ACCOUNT_MANAGER);
        TestTenants.signIn(manager);
        openNewTab();

        var panel = new RuleSegmentsPanel(rules, team, manager);
        UI.getCurrent().add(panel);

        assertThat(find(Button.class).withId("rule-new").exists()).isFalse();
        Grid<RuleSegmentDefinition> grid = segmentsGrid();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(grid.getColumns()).hasSize(4);
        assertThat(((Checkbox) test(grid).getCellComponent(0, 2)).isReadOnly()).isTrue();
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("VIP in 上海");
    }

    @Test
    void aSegmentChangedByAnotherUserMeanwhileIsNotOverwrittenAndTheEditorSaysWhy() {
        TestTenants.signIn(shop.owner());
        RuleSegmentDefinition segment = rules.create(shop.id(), shop.owner().userId(), "VIP in 上海",
                SHANGHAI_FREQUENT_VIP_OR_B);
        TestTenants.signIn(shop.addUser(Role.MARKETER));
        openNewTab();
        openRuleTab();
        actionsOfFirstRow(segmentsGrid(), 0).click();
        RuleEditor editor = find(RuleEditor.class).single();
        rules.update(shop.id(), shop.owner().userId(), segment.id(), segment.version(), "Changed meanwhile",
                segment.rule(), true);

        test(editor.nameField()).setValue("My change");
        test(find(Button.class).withId("rule-save").single()).click();

        assertThat(rules.find(shop.id(), segment.id()).orElseThrow().name()).isEqualTo("Changed meanwhile");
        assertThat(editor.isOpened()).isTrue();
        assertThat(find(com.vaadin.flow.component.notification.Notification.class).all())
                .extracting(n -> test(n).getText())
                .contains("Someone else changed this rule segment in the meantime."
                        + " Close the editor, reopen it and try again.");
    }

    @Test
    void theTagAndAttributePickersOfferOnlyTheTenantsOwnNamesInOrder() {
        TestTenant other = tenants.signUp("Other Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        customers.upsertCustomers(other.id(), List.of(new CustomerRecord("O1", "Other", null, null, null, null,
                null, null, null, null, null, Set.of("Secret"), null, LocalDate.of(2025, 1, 1), true,
                Map.of("内部等级", "1"))));

        assertThat(rules.knownTags(shop.id())).containsExactly("Newsletter", "VIP");
        assertThat(rules.knownAttributes(shop.id())).containsExactly("会员卡");
        assertThat(rules.knownTags(other.id())).containsExactly("Secret");
    }

    @Test
    void theOperatorsOfAFieldAreThoseOfItsTypeWithIsEmptyLast() {
        TestTenants.signIn(shop.addUser(Role.MARKETER));
        openNewTab();
        openRuleTab();
        test(find(Button.class).withId("rule-new").single()).click();
        ConditionRow row = (ConditionRow) find(RuleEditor.class).single().root().parts().getFirst();
        for (RuleField field : RuleField.values()) {
            row.fieldSelect().setValue(field);
            List<RuleOperator> offered = row.operatorSelect().getListDataView().getItems().toList();
            assertThat(offered).as(field.name()).containsExactlyInAnyOrderElementsOf(field.type().operators());
            assertThat(row.operatorSelect().getValue()).as(field.name())
                    .isNotIn(RuleOperator.IS_EMPTY, RuleOperator.IS_NOT_EMPTY);
        }
    }

    private void openRuleTab() {
        navigate(SegmentationSettingsView.class);
        new TabSheetTester<>(find(TabSheet.class).single()).select(3);
    }

    @SuppressWarnings("unchecked")
    private Grid<RuleSegmentDefinition> segmentsGrid() {
        return find(Grid.class).withId("rule-segments-grid").single();
    }

    private com.vaadin.flow.component.button.ButtonTester<Button> actionsOfFirstRow(
            Grid<RuleSegmentDefinition> grid, int index) {
        var actions = (HorizontalLayout) test(grid).getCellComponent(0, 4);
        return test((Button) actions.getComponentAt(index));
    }

    private void clickIn(Component parent, String className) {
        Button button = (Button) parent.getChildren().flatMap(c -> descendants(c).stream())
                .filter(c -> c instanceof Button b && b.hasClassName(className)).findFirst().orElseThrow();
        test(button).click();
    }

    /** Descendants of a component, not entering nested groups. */
    private static List<Component> descendants(Component component) {
        List<Component> all = new ArrayList<>(List.of(component));
        if (!(component instanceof GroupEditor)) {
            component.getChildren().forEach(child -> all.addAll(descendants(child)));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static void chooseIn(ConditionRow row, String value) {
        ((MultiSelectComboBox<String>) row.valueEditors().getFirst()).setValue(Set.of(value));
    }

    private static String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private static RuleNode.Condition condition(RuleField field, RuleOperator operator, String value) {
        return new RuleNode.Condition(field, operator, List.of(value), null);
    }
}
