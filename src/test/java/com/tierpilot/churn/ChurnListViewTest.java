package com.tierpilot.churn;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.churn.ui.ChurnListView;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ChurnListViewTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    ChurnListService churn;

    TestTenant shop;
    TierPilotUser manager;

    @BeforeEach
    void aManagerWithTwoLapsedCustomersAndOneActive() {
        shop = tenants.signUp("Churn View Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        manager = shop.addUser(Role.ACCOUNT_MANAGER);
        LocalDate today = segmentation.today(shop.id());
        Map<String, Long> lastBought = Map.of("L1", 200L, "L2", 150L, "A1", 3L);
        lastBought.forEach((code, ago) -> {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord(code, "Customer " + code, null, null,
                    null, null, null, null, null, null, null, Set.of(), manager.userId(), LocalDate.of(2024, 1, 1),
                    true, Map.of())));
            customers.upsertOrders(shop.id(), List.of(new OrderRecord(code + "-1", code,
                    today.minusDays(ago).atTime(10, 0), BigDecimal.valueOf(ago), 1, null, null,
                    OrderStatus.COMPLETED)));
        });
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        TestTenants.signIn(manager);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerSeesWhyEachCustomerIsOnTheListAndMarksOneLost() {
        navigate(ChurnListView.class);

        Grid<ChurnEntry> grid = find(Grid.class).withId("churn-grid").single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(find(Paragraph.class).withId("churn-total").single().getText()).startsWith("2 customers");
        int l1 = test(grid).getRow(0).code().equals("L1") ? 0 : 1;
        assertThat(test(grid).getCellText(l1, 4)).isEqualTo("stage: Churned; no order for 200 days");
        assertThat(test(grid).getCellText(1 - l1, 4)).isEqualTo("stage: At risk; no order for 150 days");

        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(grid).getCellComponent(l1, 5);
        Button markOutcome = (Button) actions.getComponentAt(1);
        assertThat(markOutcome.getId()).hasValue("churn-outcome-L1");
        test(markOutcome).click();
        RadioButtonGroup<ChurnOutcome> outcome = find(RadioButtonGroup.class).withId("outcome-choice").single();
        outcome.setValue(ChurnOutcome.LOST);
        test(find(Button.class).withId("outcome-save").single()).click();
        assertThat(test(grid).size()).as("a loss needs a reason").isEqualTo(2);
        Select<ChurnOutcome.Reason> reason = find(Select.class).withId("outcome-reason").single();
        reason.setValue(ChurnOutcome.Reason.PRICE);
        test(find(Button.class).withId("outcome-save").single()).click();

        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).code()).isEqualTo("L2");
        assertThat(find(Paragraph.class).withId("churn-total").single().getText()).startsWith("1 customers");
        assertThat(churn.count(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER)).isEqualTo(1);
    }
}
