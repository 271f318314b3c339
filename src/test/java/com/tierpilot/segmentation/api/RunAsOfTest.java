package com.tierpilot.segmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentResultService;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The as-of date of a recompute: only dates that can score anyone, and a run that scores nobody is not published. */
@IntegrationTest
class RunAsOfTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    SegmentResultService queries;
    @Autowired
    MockMvc mvc;

    TestTenant shop;
    String token;
    LocalDate today;
    LocalDate firstOrder;

    @BeforeEach
    void aShopWithOrdersOverTheLastMonthAndAGoodCurrentRun() {
        shop = tenants.signUp("As-of Co").signInAsOwner();
        today = segmentation.today(shop.id());
        firstOrder = today.minusDays(30);
        customers.upsertOrders(shop.id(), List.of(order("A1", "A", firstOrder), order("A2", "A", today.minusDays(5)),
                order("B1", "B", today.minusDays(12))));
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        token = shop.apiToken();
        TestTenants.signOut();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void datesOutsideFirstOrderToTomorrowAndAnythingButAnIsoDateAre422WithTheAllowedRange() throws Exception {
        String range = firstOrder.plusDays(1) + " (the day after your first order) to " + today.plusDays(1);
        for (String asOf : List.of("\"1900-01-01\"", "\"9999-12-31\"", "-1", "0", "20250701", "2147483648",
                "\"+10000-01-01\"", "\"2025-02-30\"", "\"01.07.2025\"", "true", "{}", "[]",
                "\"" + firstOrder + "\"", "\"" + today.plusDays(2) + "\"")) {
            start("{\"asOf\": " + asOf + "}").andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail", allOf(containsString("ISO date"), containsString(range))));
        }
        assertThat(segmentation.countRuns(shop.id())).as("nothing started").isEqualTo(1);
    }

    @Test
    void theFirstAndLastAllowedDatesAreAccepted() throws Exception {
        start("{\"asOf\": \"" + today.plusDays(1) + "\"}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.asOf").value(today.plusDays(1).toString()));
        org.awaitility.Awaitility.await().until(() -> segmentation.currentRun(shop.id()).orElseThrow().asOf()
                .equals(today.plusDays(1)));
        start("{\"asOf\": \"" + firstOrder.plusDays(1) + "\"}").andExpect(status().isAccepted());
    }

    @Test
    void aRunThatScoresNobodyWhileCustomersHaveOrdersDoesNotReplaceTheCurrentRun() {
        TestTenants.signIn(shop.owner());
        RunStatus good = segmentation.currentRun(shop.id()).orElseThrow();
        int segmented = queries.sizes(shop.id()).stream().mapToInt(s -> s.customers()).sum();

        // As the nightly job or an old client could: a date on which no order had been placed yet.
        RunStatus empty = segmentation.runNow(shop.id(), firstOrder, RunTrigger.MANUAL);

        assertThat(empty.state()).isEqualTo(RunStatus.State.FAILED);
        assertThat(empty.error()).contains("current segments stay");
        assertThat(segmentation.currentRun(shop.id()).orElseThrow().id()).isEqualTo(good.id());
        assertThat(queries.sizes(shop.id()).stream().mapToInt(s -> s.customers()).sum()).isEqualTo(segmented)
                .isPositive();
    }

    private ResultActions start(String body) throws Exception {
        return mvc.perform(post("/api/v1/segmentation/runs").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType("application/json").content(body));
    }

    private static OrderRecord order(String orderNo, String customer, LocalDate on) {
        return new OrderRecord(orderNo, customer, on.atTime(10, 0), new BigDecimal("99.00"), 1, null, null,
                OrderStatus.COMPLETED);
    }
}
