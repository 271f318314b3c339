package com.tierpilot.scheduling;

import com.tierpilot.analytics.ui.DashboardView;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.scheduling.persistence.AlertRepository;
import com.tierpilot.scheduling.ui.RunHistoryView;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.support.TestTenants;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static com.tierpilot.customer.CustomerFixtures.customer;
import static com.tierpilot.customer.CustomerFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RunHistoryViewTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    NightlyPipelineService pipeline;
    @Autowired
    AlertRepository alertStore;
    @Autowired
    TenantScheduleService schedules;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerRunsNowAndSeesTheRunWithItsTriggerNodeFiguresAndSteps() {
        TestTenant tenant = tenants.signUp("History Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        customers.upsertCustomers(tenant.id(), List.of(customer("H-1", "One", "上海"), customer("H-2", "Two", "上海")));
        customers.upsertOrders(tenant.id(), List.of(order("H-O1", "H-1", LocalDateTime.now().minusDays(2), "10.00")));

        navigate(RunHistoryView.class);
        assertThat(find(Paragraph.class).withId("runs-next").single().getText()).startsWith("Next nightly run:");
        test(find(Button.class).withId("runs-run-now").single()).click();

        RunStatus run = awaitFinished(tenant);
        assertThat(run.trigger()).isEqualTo(RunTrigger.MANUAL);
        navigate(RunHistoryView.class);
        Grid<RunStatus> grid = find(Grid.class).withId("runs-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Manual");
        assertThat(test(grid).getCellText(0, 1)).isNotBlank();
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("Succeeded");
        assertThat(test(grid).getCellText(0, 5)).isEqualTo("1");
        // The steps in the viewer's words, not built in code.
        assertThat(test(grid).getCellText(0, 8)).startsWith("Recompute: OK, ").contains("2 customers, ")
                .contains("; Churn prediction: OK, ").contains("; Revisit tasks: OK, ");
    }

    @Test
    void theOwnerPausesTheScheduleOnTheScreen() {
        TestTenant tenant = tenants.signUp("Pause Co", ZoneId.of("America/New_York"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        navigate(RunHistoryView.class);

        test(find(TimePicker.class).withId("runs-schedule-time").single()).setValue(LocalTime.of(1, 45));
        test(find(Checkbox.class).withId("runs-schedule-paused").single()).click();
        test(find(Button.class).withId("runs-schedule-save").single()).click();

        assertThat(schedules.schedule(tenant.id())).satisfies(s -> {
            assertThat(s.runAt()).isEqualTo(LocalTime.of(1, 45));
            assertThat(s.paused()).isTrue();
        });
        assertThat(find(Paragraph.class).withId("runs-next").single().getText())
                .isEqualTo("The nightly run is paused.");
    }

    @Test
    void anAlertShowsTheOwnerABannerOnEveryScreenUntilDismissed() {
        TestTenant tenant = tenants.signUp("Alert Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        alertStore.add(tenant.id(), RunAlert.Kind.FAILED, 0, "recompute: disk full", Instant.now());

        navigate(DashboardView.class);
        assertThat(find(Anchor.class).withId("run-alert-banner").single().getText())
                .isEqualTo("Last night's recompute failed, also after three retries. The screens still show the last"
                        + " good run; see Nightly runs (the technical details are in the server log).");
        TestTenants.signIn(tenant.addUser(Role.MARKETER));
        openNewTab();
        navigate(DashboardView.class);
        assertThat(find(Anchor.class).withId("run-alert-banner").exists()).as("owners only").isFalse();

        tenant.signInAsOwner();
        openNewTab();
        navigate(RunHistoryView.class);
        test(find(Button.class).withId("runs-alerts-dismiss").single()).click();
        openNewTab();
        navigate(DashboardView.class);
        assertThat(find(Anchor.class).withId("run-alert-banner").exists()).isFalse();
    }

    /** Waits until the run has finished and the pipeline has recorded its steps (right after the recompute). */
    private RunStatus awaitFinished(TestTenant tenant) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var runs = segmentation.runs(tenant.id(), 0, 1);
            return !runs.isEmpty() && runs.getFirst().finished()
                    && !pipeline.steps(tenant.id(), List.of(runs.getFirst().id())).isEmpty() ? runs.getFirst() : null;
        }, java.util.Objects::nonNull);
    }
}
