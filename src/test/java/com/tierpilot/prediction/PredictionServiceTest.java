package com.tierpilot.prediction;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.support.Datasets;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Predictions through the app: orders in the database, a fit per tenant, stored per customer. */
@IntegrationTest
class PredictionServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService customerQueries;
    @Autowired
    PredictionService predictions;
    @Autowired
    com.tierpilot.segmentation.SegmentationService segmentation;
    @Autowired
    MockMvc mvc;
    @Autowired
    RuleSegmentService rules;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theCdnowSampleImportedAsOrdersGivesThePublishedFits() throws IOException {
        TestTenant shop = tenants.signUp("CDNOW").signInAsOwner();
        // The 1/10 sample of Fader, Hardie and Lee (2005), kept in the repository; one order per line.
        Path sample = Datasets.cdnow("CDNOW_sample.txt");
        List<OrderRecord> orders = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(sample, StandardCharsets.US_ASCII)) {
            String[] f = text.trim().split("\\s+");
            if (f.length == 5) {
                orders.add(new OrderRecord("CD" + ++line, "S" + Integer.parseInt(f[1]),
                        LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE).atTime(12, 0), new BigDecimal(f[4]),
                        Integer.parseInt(f[3]), null, null, OrderStatus.COMPLETED));
            }
        }
        for (int from = 0; from < orders.size(); from += 1000) {
            customers.upsertOrders(shop.id(), orders.subList(from, Math.min(orders.size(), from + 1000)));
        }

        // As of 1 October 1997: the orders of the 39-week calibration period, up to 30 September.
        PredictionModel model = predictions.predict(shop.id(), LocalDate.of(1997, 10, 1));

        assertThat(model.fitted()).isTrue();
        assertThat(model.customers()).isEqualTo(2357);
        assertThat(model.repeatBuyers()).isEqualTo(946);
        assertThat(model.r()).isCloseTo(0.243, within(0.0005));
        assertThat(model.alpha()).isCloseTo(4.414, within(0.005));
        assertThat(model.a()).isCloseTo(0.793, within(0.0005));
        assertThat(model.b()).isCloseTo(2.426, within(0.005));
        assertThat(model.bgNbdLogLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(model.p()).isCloseTo(6.25, within(0.005));
        assertThat(model.q()).isCloseTo(3.74, within(0.005));
        assertThat(model.v()).isCloseTo(15.44, within(0.05));
        // Customer 1: x = 2, t_x = 30.43, T = 38.86 weeks.
        long first = customerQueries.byCode(shop.id(), "S1").orElseThrow().id();
        CustomerPrediction one = predictions.forCustomer(shop.id(), first).orElseThrow();
        double expected = new com.tierpilot.prediction.engine.BgNbd(model.r(), model.alpha(), model.a(), model.b(),
                Double.NaN).pAlive(2, 213 / 7.0, 272 / 7.0);
        assertThat(one.pAlive().doubleValue()).isCloseTo(expected, within(0.000001));
        assertThat(one.clv12m()).isPositive();
        assertThat(one.fitted()).isTrue();
    }

    @Test
    void aSmallShopIsScoredWithThePopulationDefaultsAndSaysSo() {
        TestTenant shop = tenants.signUp("Tiny Shop").signInAsOwner();
        LocalDate asOf = LocalDate.of(2025, 7, 1);
        List<OrderRecord> orders = new ArrayList<>();
        for (int c = 1; c <= 10; c++) {
            customers.upsertCustomers(shop.id(), List.of(customer("T" + c, "Customer " + c, "上海")));
            for (int o = 0; o < c; o++) {
                orders.add(new OrderRecord("T" + c + "-" + o, "T" + c, asOf.minusDays(30L * o + c).atTime(10, 0),
                        BigDecimal.valueOf(100), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertOrders(shop.id(), orders);

        PredictionModel model = predictions.predict(shop.id(), asOf);

        assertThat(model.fitted()).isFalse();
        assertThat(model.repeatBuyers()).isEqualTo(9);
        assertThat(model.r()).isEqualTo(0.243);
        // The default spend model is scaled to the shop's own spend per purchase day: 100.
        assertThat(model.p() * model.v() / (model.q() - 1)).isCloseTo(100.0, within(0.01));
        CustomerPrediction loyal = predictions.forCustomer(shop.id(),
                customerQueries.byCode(shop.id(), "T10").orElseThrow().id()).orElseThrow();
        CustomerPrediction once = predictions.forCustomer(shop.id(),
                customerQueries.byCode(shop.id(), "T1").orElseThrow().id()).orElseThrow();
        assertThat(loyal.fitted()).isFalse();
        assertThat(loyal.expectedPurchases90d()).isGreaterThan(once.expectedPurchases90d());
        assertThat(loyal.clv12m()).isGreaterThan(once.clv12m());
    }

    @Test
    void eachRecomputeRenewsThePredictionsAndTheApiShowsThem() throws Exception {
        TestTenant shop = tenants.signUp("Api Shop").signInAsOwner();
        LocalDate today = segmentation.today(shop.id());
        customers.upsertOrders(shop.id(), List.of(
                new OrderRecord("A1", "A", today.minusDays(200).atTime(9, 0), BigDecimal.TEN, 1, null, null,
                        OrderStatus.COMPLETED),
                new OrderRecord("A2", "A", today.minusDays(20).atTime(9, 0), BigDecimal.TEN, 1, null, null,
                        OrderStatus.COMPLETED)));
        String token = shop.apiToken();

        // A recompute renews the predictions as of its own date.
        segmentation.runNow(shop.id(), today, com.tierpilot.segmentation.RunTrigger.MANUAL);

        assertThat(predictions.model(shop.id()).orElseThrow().asOf()).isEqualTo(today);

        CustomerPrediction stored = predictions.forCustomer(shop.id(),
                customerQueries.byCode(shop.id(), "A").orElseThrow().id()).orElseThrow();
        mvc.perform(get("/api/v1/customers/A").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.segmentation.lifecycleStage").isString())
                .andExpect(jsonPath("$.segmentation.pAlive").value(stored.pAlive().doubleValue()))
                .andExpect(jsonPath("$.segmentation.expectedPurchases90d")
                        .value(stored.expectedPurchases90d().doubleValue()))
                .andExpect(jsonPath("$.segmentation.clv12m").value(stored.clv12m().doubleValue()));
    }

    @Test
    void ruleSegmentsSelectCustomersByTheirPredictedFigures() {
        TestTenant shop = tenants.signUp("Rule Shop").signInAsOwner();
        LocalDate today = segmentation.today(shop.id());
        List<OrderRecord> orders = new ArrayList<>();
        for (int c = 1; c <= 12; c++) {
            for (int o = 0; o < 4; o++) {
                // Customers 1-6 bought every week until recently; 7-12 bought as often, but stopped long ago.
                long daysAgo = (c <= 6 ? 3 : 300) + 7L * o;
                orders.add(new OrderRecord("R" + c + "-" + o, "R" + c, today.minusDays(daysAgo).atTime(10, 0),
                        BigDecimal.valueOf(80), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), today, com.tierpilot.segmentation.RunTrigger.MANUAL);
        predictions.predict(shop.id(), today);
        long lapsed = 0;
        for (int c = 1; c <= 12; c++) {
            long id = customerQueries.byCode(shop.id(), "R" + c).orElseThrow().id();
            if (predictions.forCustomer(shop.id(), id).orElseThrow().pAlive().doubleValue() < 0.5) {
                lapsed++;
            }
        }

        var preview = rules.preview(shop.id(), new RuleNode.Group(RuleNode.Logic.AND, List.of(
                new RuleNode.Condition(RuleField.P_ALIVE, RuleOperator.LESS, List.of("0.5"), null)))).orElseThrow();

        assertThat(lapsed).isEqualTo(6);
        assertThat(preview.customers()).isEqualTo(6);
    }

    @Test
    void aHigherDiscountRateLowersEveryCustomersValue() {
        TestTenant shop = tenants.signUp("Discount Shop").signInAsOwner();
        LocalDate asOf = LocalDate.of(2025, 7, 1);
        customers.upsertOrders(shop.id(), List.of(
                new OrderRecord("D1", "D", asOf.minusDays(200).atTime(9, 0), BigDecimal.TEN, 1, null, null,
                        OrderStatus.COMPLETED),
                new OrderRecord("D2", "D", asOf.minusDays(20).atTime(9, 0), BigDecimal.TEN, 1, null, null,
                        OrderStatus.COMPLETED)));
        long id = customerQueries.byCode(shop.id(), "D").orElseThrow().id();
        predictions.predict(shop.id(), asOf);
        BigDecimal atOnePercent = predictions.forCustomer(shop.id(), id).orElseThrow().clv12m();

        predictions.saveSettings(shop.id(), new PredictionSettings(new BigDecimal("0.05"), new BigDecimal("0.3")));
        predictions.predict(shop.id(), asOf);

        assertThat(predictions.forCustomer(shop.id(), id).orElseThrow().clv12m()).isLessThan(atOnePercent);
        assertThat(predictions.model(shop.id()).orElseThrow().monthlyDiscount()).isEqualByComparingTo("0.05");
    }

    @Test
    void onlyTheOwnerChangesThePredictionSettingsAndOnlyWithinRange() {
        TestTenant shop = tenants.signUp("Settings Shop").signInAsOwner();

        assertThatThrownBy(() -> predictions.saveSettings(shop.id(), new PredictionSettings(new BigDecimal("0.5"),
                new BigDecimal("0.3")))).isInstanceOf(UserFacingException.class);
        TestTenants.signIn(shop.addUser(Role.MARKETER));
        assertThatThrownBy(() -> predictions.saveSettings(shop.id(), PredictionSettings.DEFAULTS))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(predictions.settings(shop.id())).isEqualTo(PredictionSettings.DEFAULTS);
    }
}
