package com.tierpilot.prediction.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.prediction.PredictionService;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PredictionViewTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    PredictionService predictions;

    TestTenant shop;

    @BeforeEach
    void aShopWithAFewRepeatBuyers() {
        shop = tenants.signUp("Predict Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        customers.upsertOrders(shop.id(), List.of(
                new OrderRecord("P1", "P", today.minusDays(100).atTime(9, 0), BigDecimal.TEN, 1, null, null,
                        OrderStatus.COMPLETED),
                new OrderRecord("P2", "P", today.minusDays(10).atTime(9, 0), BigDecimal.TEN, 1, null, null,
                        OrderStatus.COMPLETED)));
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theOwnerPredictsNowAndIsToldThatTheShopIsTooSmallToFit() throws Exception {
        navigate(PredictionView.class);
        assertThat(status()).startsWith("Nothing has been predicted yet");

        test(find(Button.class).withId("prediction-now").single()).click();
        // In the test's own thread: the pushed updates belong to its UI.
        await("the prediction is shown").atMost(Duration.ofSeconds(10)).pollInSameThread()
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    receivePushedUpdates();
                    return !status().startsWith("Nothing");
                });

        assertThat(status()).contains("only 1 of your 1 customers have bought again")
                .contains("at least 200");
        assertThat(predictions.model(shop.id())).isPresent();
    }

    @Test
    void aFitThatRunsOffToTheEdgeOfItsRangeFallsBackToTheDefaultsAndTheScreenSaysSo() {
        // 300 customers who each bought ten times, 37 days apart: no spread between them, so the likelihood keeps
        // rising as the parameters run off, and the fit ends on an edge of its region.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<OrderRecord> orders = new java.util.ArrayList<>();
        for (int c = 1; c <= 300; c++) {
            for (int o = 0; o < 10; o++) {
                orders.add(new OrderRecord("E" + c + "-" + o, "E" + c, today.minusDays(1 + c % 30 + 37L * o)
                        .atTime(9, 0), BigDecimal.valueOf(100 + c % 7), 1, null, null, OrderStatus.COMPLETED));
            }
            if (orders.size() >= 900) {
                customers.upsertOrders(shop.id(), orders);
                orders.clear();
            }
        }
        customers.upsertOrders(shop.id(), orders);

        var model = predictions.predict(shop.id(), today);
        navigate(PredictionView.class);

        assertThat(model.fitted()).isFalse();
        assertThat(model.r()).as("the population default").isEqualTo(0.243);
        assertThat(status()).contains("came out implausible").contains("population defaults");

        // What the model says: every customer in the P(alive) and purchases charts, the most at risk listed.
        tools.jackson.databind.JsonNode alive = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                find(com.tierpilot.base.ui.chart.EChart.class).withId("prediction-p-alive-chart").single()
                        .getOption());
        int counted = 0;
        for (tools.jackson.databind.JsonNode bar : alive.at("/series/0/data")) {
            counted += bar.asInt();
        }
        assertThat(counted).isEqualTo(model.customers());
        assertThat(find(com.tierpilot.base.ui.chart.EChart.class).withId("prediction-purchases-chart").exists())
                .isTrue();
        @SuppressWarnings("unchecked")
        var atRisk = (com.vaadin.flow.component.grid.Grid<com.tierpilot.prediction.PredictionOutlook.AtRisk>) find(
                com.vaadin.flow.component.grid.Grid.class).withId("prediction-at-risk").single();
        assertThat(test(atRisk).size()).isEqualTo(10);
        assertThat(test(atRisk).getRow(0).valueAtRisk()).isGreaterThanOrEqualTo(test(atRisk).getRow(9).valueAtRisk());
    }

    @Test
    void theOwnerChangesTheDiscountRateInPercent() {
        navigate(PredictionView.class);

        test(find(BigDecimalField.class).withId("prediction-discount-field").single()).setValue(new BigDecimal("2"));
        test(find(Button.class).withId("prediction-settings-save").single()).click();

        assertThat(predictions.settings(shop.id()).monthlyDiscount()).isEqualByComparingTo("0.02");
    }

    @Test
    void aMarketerPredictsButDoesNotSeeTheSettings() {
        TestTenants.signIn(shop.addUser(Role.MARKETER));

        navigate(PredictionView.class);

        assertThat(find(Button.class).withId("prediction-now").exists()).isTrue();
        assertThat(find(BigDecimalField.class).withId("prediction-discount-field").exists()).isFalse();
    }

    private String status() {
        return find(Paragraph.class).withId("prediction-status").single().getText();
    }
}
