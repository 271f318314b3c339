package com.tierpilot.segmentation;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static com.tierpilot.customer.CustomerFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.CustomerScoreSource;
import com.tierpilot.customer.CustomerScores;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnListService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fresh within a minute (issue 21): orders posted through the REST API reach their customers' segments through an
 * intraday run that the poller starts by itself, with the cut points of the last full run.
 */
@IntegrationTest
class IntradayRunTest {

    private static final int CUSTOMERS = 60;

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    IntradayService intraday;
    @Autowired
    CustomerScoreSource scores;
    @Autowired
    ChurnListService churn;
    @Autowired
    TenantService tenantService;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;

    TestTenant shop;
    LocalDate today;
    Map<String, Long> ids = new HashMap<>();

    /** 60 customers with 1 to 7 orders over the last year, scored as of yesterday and as of today. */
    @BeforeEach
    void aShopScoredYesterdayAndToday() {
        shop = tenants.signUp("Intraday Co").signInAsOwner();
        today = tenantService.today(shop.id());
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int c = 1; c <= CUSTOMERS; c++) {
            people.add(customer("I" + c, "Customer " + c, "上海"));
            for (int o = 0; o <= c % 7; o++) {
                orders.add(order("I" + c + "-" + o, "I" + c,
                        today.minusDays(2 + (c * 37L + o * 11L) % 330).atTime(10, 0), String.valueOf(50 * (c % 13 + 1))));
            }
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);
        assertThat(segmentation.runNow(shop.id(), today.minusDays(1), RunTrigger.MANUAL).state())
                .isEqualTo(RunStatus.State.SUCCEEDED);
        assertThat(segmentation.runNow(shop.id(), null, RunTrigger.SCHEDULE).state())
                .isEqualTo(RunStatus.State.SUCCEEDED);
        for (int c = 1; c <= CUSTOMERS; c++) {
            ids.put("I" + c, customerId("I" + c));
        }
    }

    @AfterEach
    void signOutAndResetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void hundredOrdersPostedThroughTheApiShowInTheirCustomersSegmentsWithinAMinuteAndNobodyElseMoves()
            throws Exception {
        intraday.setEnabled(shop.id(), true);
        Map<String, CustomerScores> before = allScores();
        // 20 customers with few orders buy 5 times each today, a hundred orders in one batch.
        List<String> buyers = new ArrayList<>();
        for (int c = 1; c <= CUSTOMERS && buyers.size() < 20; c++) {
            if (c % 7 <= 2) {
                buyers.add("I" + c);
            }
        }
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (String code : buyers) {
            for (int o = 0; o < 5; o++) {
                batch.add("{\"orderNo\": \"API-%s-%d\", \"customerCode\": \"%s\", \"orderedAt\": \"%s\", \"amount\": 2000}"
                        .formatted(code, o, code, today));
            }
        }

        long posted = System.nanoTime();
        mvc.perform(post("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + shop.apiToken())
                .contentType(MediaType.APPLICATION_JSON).content(batch.toString())).andExpect(status().isOk());
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> buyers.stream()
                .allMatch(code -> score(code).map(s -> s.frequency() == before.get(code).frequency() + 5)
                        .orElse(false)));
        long millis = (System.nanoTime() - posted) / 1_000_000;
        System.out.printf("IntradayRunTest: 100 API orders of 20 customers visible in their segments %d ms after the"
                + " POST%n", millis);
        assertThat(millis).isLessThan(60_000);
        assertThat(buyers).hasSize(20);

        RunStatus run = segmentation.currentRun(shop.id()).orElseThrow();
        assertThat(run.trigger()).isEqualTo(RunTrigger.INTRADAY);
        assertThat(run.asOf()).as("the run stays on today's date").isEqualTo(today);
        assertThat(run.customers()).isEqualTo(CUSTOMERS);
        for (String code : buyers) {
            CustomerScores now = score(code).orElseThrow();
            assertThat(now.recencyDays()).as("today's orders count, as of the next day").isEqualTo(1);
            assertThat(now.r()).isEqualTo(5);
            assertThat(now.abcTier()).isEqualTo("A");
            assertThat(now.rfmSegment()).isNotNull();
        }
        Map<String, CustomerScores> after = allScores();
        for (int c = 1; c <= CUSTOMERS; c++) {
            if (!buyers.contains("I" + c)) {
                assertThat(after.get("I" + c)).as("I" + c + " was not in the batch").isEqualTo(before.get("I" + c));
            }
        }
        var inForce = intraday.cutPointsInForce(shop.id()).orElseThrow();
        assertThat(inForce.baseAsOf()).isEqualTo(today);
        assertThat(inForce.customersUpdated()).isEqualTo(20);

        // The next night's full run scores everyone by fresh quintiles: customers the batch did not touch move too
        // (20 customers spending 10,000 each push the others down), which the intraday run held back.
        clock.advance(Duration.ofDays(1));
        RunStatus night = segmentation.runNow(shop.id(), null, RunTrigger.SCHEDULE);
        assertThat(night.asOf()).isEqualTo(today.plusDays(1));
        Map<String, CustomerScores> nextDay = allScores();
        long othersMoved = nextDay.entrySet().stream().filter(e -> !buyers.contains(e.getKey()))
                .filter(e -> !e.getValue().m().equals(after.get(e.getKey()).m())).count();
        assertThat(othersMoved).as("monetary quintiles of untouched customers after the full run").isPositive();
        for (String code : buyers) {
            assertThat(nextDay.get(code).frequency()).isEqualTo(after.get(code).frequency());
        }
        var fresh = intraday.cutPointsInForce(shop.id()).orElseThrow();
        assertThat(fresh.baseAsOf()).isEqualTo(today.plusDays(1));
        assertThat(fresh.customersUpdated()).isZero();
    }

    @Test
    void aRefundThroughTheApiPutsATierACustomerOnTheChurnListWithinAMinute() throws Exception {
        intraday.setEnabled(shop.id(), true);
        String code = allScores().entrySet().stream().filter(e -> "A".equals(e.getValue().abcTier()))
                .map(Map.Entry::getKey).filter(c -> onChurnList(c).isEmpty()).findFirst().orElseThrow();
        CustomerScores before = score(code).orElseThrow();

        mvc.perform(post("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + shop.apiToken())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"orderNo": "REFUND-1", "customerCode": "%s", "orderedAt": "%s", "amount": %s,
                          "status": "REFUNDED"}]""".formatted(code, today, before.monetary().negate())))
                .andExpect(status().isOk());

        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> onChurnList(code).isPresent());
        ChurnEntry entry = onChurnList(code).orElseThrow();
        assertThat(entry.tierDropped()).isTrue();
        assertThat(entry.fromTier()).isEqualTo("A");
        assertThat(entry.toTier()).isEqualTo("C");
    }

    @Test
    void withoutTheOptInApiOrdersWaitForTheNextRecompute() throws Exception {
        long runs = segmentation.countRuns(shop.id());
        mvc.perform(post("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + shop.apiToken())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"orderNo": "LATER-1", "customerCode": "I1", "orderedAt": "%s", "amount": 900}]"""
                        .formatted(today))).andExpect(status().isOk());

        await().pollInSameThread().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                .until(() -> segmentation.countRuns(shop.id()) == runs);
        assertThat(segmentation.currentRun(shop.id()).orElseThrow().trigger()).isEqualTo(RunTrigger.SCHEDULE);
        assertThat(intraday.cutPointsInForce(shop.id()).orElseThrow().enabled()).isFalse();
    }

    private Optional<ChurnEntry> onChurnList(String code) {
        return churn.page(shop.id(), shop.owner().userId(), Role.OWNER, 0, 1000).stream()
                .filter(e -> e.code().equals(code)).findFirst();
    }

    private Map<String, CustomerScores> allScores() {
        Map<String, CustomerScores> all = new HashMap<>();
        ids.forEach((code, id) -> all.put(code, scores.scores(shop.id(), id).orElseThrow()));
        return all;
    }

    private Optional<CustomerScores> score(String code) {
        return scores.scores(shop.id(), ids.get(code));
    }

    private long customerId(String code) {
        return idOf(shop.id(), code);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long idOf(TenantId tenant, String code) {
        return jdbc.sql("select id from customer where tenant_id = ? and code = ?").params(tenant.value(), code)
                .query(Long.class).single();
    }
}
