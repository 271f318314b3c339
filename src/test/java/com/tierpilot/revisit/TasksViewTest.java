package com.tierpilot.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.revisit.ui.RevisitPlansView;
import com.tierpilot.revisit.ui.TasksView;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigDecimal;
import java.time.Duration;
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
class TasksViewTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    MutableClock clock;

    TestTenant shop;
    TierPilotUser manager;

    @BeforeEach
    void aShopWithFiveCustomersOfOneManager() {
        shop = tenants.signUp("Tasks View Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        manager = shop.addUser(Role.ACCOUNT_MANAGER);
        LocalDate today = tasks.today(shop.id());
        for (int i = 1; i <= 5; i++) {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("T" + i, "Customer " + i, null, null,
                    null, null, null, null, null, null, null, Set.of(), manager.userId(), LocalDate.of(2024, 1, 1),
                    true, Map.of())));
            customers.upsertOrders(shop.id(), List.of(new OrderRecord("TO-" + i, "T" + i,
                    today.minusDays(5).atTime(10, 0), BigDecimal.valueOf(100L * i * i), 1, null, null,
                    OrderStatus.COMPLETED)));
        }
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        openNewTab();
    }

    @AfterEach
    void signOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerAddsTheAbcPlansAndTheManagerLogsHowTodaysVisitWent() {
        navigate(RevisitPlansView.class);
        test(find(Button.class).withId("plan-preset-abc").single()).click();
        Grid<RevisitPlan> plans = find(Grid.class).withId("plan-grid").single();
        assertThat(test(plans).size()).isEqualTo(3);
        assertThat(test(plans).getCellText(0, 0)).isEqualTo("Tier A: monthly visit");
        assertThat(test(plans).getCellText(0, 1)).isEqualTo("ABC tier: A – top value");
        // A preset that exists is not added twice: the button says so.
        Button abc = find(Button.class).withId("plan-preset-abc").single();
        assertThat(abc.getText()).isEqualTo("ABC plans added");
        assertThat(abc.isEnabled()).isFalse();
        // The first contacts spread over each plan's first period: nights until the manager has some today.
        int today = 0;
        for (int night = 0; today == 0 && night < 90; night++) {
            clock.advance(Duration.ofDays(night == 0 ? 0 : 1));
            tasks.generate(shop.id(), tasks.today(shop.id()));
            today = (int) tasks.countOpen(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null, TaskWindow.TODAY,
                    tasks.today(shop.id()));
        }

        TestTenants.signIn(manager);
        openNewTab();
        navigate(TasksView.class);
        Grid<RevisitTask> grid = find(Grid.class).withId("tasks-grid").single();
        assertThat(find(Tab.class).withId("tasks-tab-today").single().getLabel()).isEqualTo("Today (" + today + ")");
        assertThat(test(grid).size()).isEqualTo(today);
        long visited = test(grid).getRow(0).customerId();
        Button log = (Button) test(grid).getCellComponent(0, 8);
        assertThat(log.getId()).hasValue("task-log-" + test(grid).getRow(0).customerCode());
        test(log).click();
        RadioButtonGroup<TaskOutcome> outcome = find(RadioButtonGroup.class).withId("task-outcome").single();
        outcome.setValue(TaskOutcome.REACHED);
        find(TextArea.class).withId("task-note").single().setValue("Orders again in May");
        test(find(Button.class).withId("task-save").single()).click();

        assertThat(test(grid).size()).isEqualTo(today - 1);
        assertThat(find(Tab.class).withId("tasks-tab-today").single().getLabel()).isEqualTo(
                "Today (" + (today - 1) + ")");
        TestTenants.signIn(shop.owner());
        openNewTab();
        navigate(TasksView.class);
        String team = find(com.tierpilot.base.ui.chart.EChart.class).withId("tasks-team-chart").single().getOption();
        assertThat(team).as("the owner's chart: the manager's visit done, none overdue").contains(
                manager.displayName()).contains("\"data\":[1]").contains("\"data\":[0]");
        // The load ahead per working day, and the manager's daily capacity, which the owner sets here.
        Grid<TeamLoad> teamGrid = find(Grid.class).withId("tasks-team").single();
        assertThat(teamGrid.getColumns()).hasSize(4 + 5 + 1);
        assertThat(test(teamGrid).getRow(0).managerId()).isEqualTo(manager.userId().value());
        IntegerField capacity = (IntegerField) test(teamGrid).getCellComponent(0, 9);
        assertThat(capacity.getValue()).isEqualTo(RevisitTaskService.DEFAULT_CAPACITY);
        capacity.setValue(6);
        assertThat(tasks.capacity(shop.id(), manager.userId().value())).isEqualTo(6);
        assertThat(tasks.ofCustomer(shop.id(), visited, 10)).first().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(TaskOutcome.REACHED);
            assertThat(t.note()).as("shown on the customer's page").isEqualTo("Orders again in May");
        });
    }
}
