package com.tierpilot.segmentation;

import static com.tierpilot.support.RandomOrders.csv;
import static com.tierpilot.support.RandomOrders.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.OrderSummaryService;
import com.tierpilot.importing.FileAnalysis;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportService;
import com.tierpilot.demo.SampleDataService;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import com.tierpilot.segmentation.engine.ScoredCustomers;
import com.tierpilot.segmentation.engine.ScoringEngine;
import com.tierpilot.segmentation.persistence.CustomerMetricsQueries;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.HttpApi;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.RandomOrders.RandomOrder;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21: a recompute as of today reads the order summary instead of every order. Over 30 nights, the clock a day
 * further each night, random REST batches and order files (new orders, today's and tomorrow's among them, refunds,
 * cancellations, orders moved to another customer) and the sample data's load and removal (which deletes its
 * orders) change the orders; each night's run as of today gives every customer the same metrics as the orders do,
 * field for field, and the same scores, segments, tiers and stages as scoring the orders' metrics.
 */
@IntegrationTest
class SummaryReadAgreementTest {

    private static final long SEED = 2121;
    private static final int NIGHTS = 30;
    private static final int REMOVAL_NIGHT = 20;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    SampleDataService sample;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CustomerMetricsQueries metrics;
    @Autowired
    OrderSummaryService summaries;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void resetTheClockAndSignOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void thirtyNightsOfRandomOrderWritesGiveEveryCustomerTheScoresItsOrdersGive() throws IOException {
        TestTenant shop = tenants.signUp("Summary Nights", SHANGHAI, SupportedLocales.ENGLISH);
        TenantId tenant = shop.id();
        HttpApi api = new HttpApi("http://127.0.0.1:" + port, shop.apiToken());
        Random random = new Random(SEED);
        shop.signInAsOwner();
        sample.load(tenant);
        await().atMost(Duration.ofMinutes(3)).until(() -> !segmentation.running(tenant));
        List<String> sampleCodes = jdbc.sql("select code from customer where tenant_id = ? and sample = true"
                + " order by code").param(tenant.value()).query(String.class).list().subList(0, 60);
        List<String> sampleOrders = jdbc.sql("select o.order_no from customer_order o join customer c"
                + " on c.tenant_id = o.tenant_id and c.id = o.customer_id where o.tenant_id = ? and c.sample = true"
                + " order by o.order_no").param(tenant.value()).query(String.class).list().subList(0, 80);
        int imported = 0;
        int posted = 0;
        int laterCustomers = 0;
        int scored = 0;

        for (int night = 0; night < NIGHTS; night++) {
            if (night > 0) {
                clock.advance(Duration.ofDays(1));
            }
            boolean withSample = night < REMOVAL_NIGHT;
            if (night == REMOVAL_NIGHT) {
                assertThat(sample.remove(tenant)).isPositive();
            }
            LocalDateTime now = LocalDateTime.now(clock.withZone(SHANGHAI)).truncatedTo(ChronoUnit.MINUTES);
            int operations = 1 + random.nextInt(3);
            for (int op = 0; op < operations; op++) {
                List<RandomOrder> orders = randomOrders(random, now, withSample ? sampleCodes : List.of(),
                        withSample ? sampleOrders : List.of());
                if (random.nextBoolean()) {
                    HttpResponse<String> answer = api.post("/api/v1/orders", json(orders));
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.body()).contains("\"errors\":[]");
                    posted += orders.size();
                } else {
                    Path file = dir.resolve("orders-" + night + "-" + op + ".csv");
                    Files.writeString(file, csv(orders));
                    FileAnalysis analysis = imports.analyze(tenant, file);
                    ImportRunStatus run = FinishedImports.run(imports, tenant, shop.owner().userId(), file,
                            file.getFileName().toString(), analysis.suggested());
                    assertThat(run.state()).as(run.toString()).isEqualTo(ImportRunStatus.State.SUCCEEDED);
                    imported += orders.size();
                }
            }

            RunStatus run = segmentation.runNow(tenant, null, RunTrigger.MANUAL);
            assertThat(run.state()).as(run.toString()).isEqualTo(RunStatus.State.SUCCEEDED);
            LocalDate today = segmentation.today(tenant);
            assertThat(run.asOf()).isEqualTo(today);
            SegmentationSettings settings = segmentation.settings(tenant);
            int window = settings.rfm().windowDays();
            assertThat(summaries.windowStart(tenant)).as("night %d: the run slid the summary window", night)
                    .isEqualTo(today.minusDays(window));

            CustomerMetrics fromOrders = metrics.read(tenant, today, window);
            CustomerMetrics fromSummary = metrics.readSummarised(tenant, today, window).orElseThrow();
            assertThat(lines(fromSummary)).as("night %d: the summary's metrics, customer for customer", night)
                    .isEqualTo(lines(fromOrders));
            ScoredCustomers expected = ScoringEngine.score(fromOrders, settings, today);
            assertThat(stored(tenant, run.id())).as("night %d: the run's scores and segments", night)
                    .isEqualTo(lines(expected));
            laterCustomers += jdbc.sql("select count(distinct customer_id) from customer_order where tenant_id = ?"
                    + " and order_date >= ?").params(tenant.value(), today).query(Integer.class).single();
            scored += run.customersScored();
        }
        assertThat(imported).as("orders imported").isPositive();
        assertThat(posted).as("orders posted").isPositive();
        assertThat(laterCustomers).as("customers with orders of the run's day or later, over the nights")
                .isPositive();
        assertThat(scored).as("customers scored over the nights").isGreaterThan(NIGHTS * 100);
    }

    /**
     * New orders and changes to earlier ones (another amount, day, status or customer) of a few dozen customers
     * and, while it is loaded, of the sample's: dated over the last two years, a fifth of them today or tomorrow
     * (the API takes an order up to a day ahead); no order twice in one batch.
     */
    private static List<RandomOrder> randomOrders(Random random, LocalDateTime now, List<String> sampleCodes,
            List<String> sampleOrders) {
        int size = 1 + random.nextInt(40);
        Map<String, RandomOrder> orders = new TreeMap<>();
        while (orders.size() < size) {
            String orderNo = !sampleOrders.isEmpty() && random.nextInt(8) == 0
                    ? sampleOrders.get(random.nextInt(sampleOrders.size()))
                    : "SN-" + (1 + random.nextInt(400));
            String customer = !sampleCodes.isEmpty() && random.nextInt(5) == 0
                    ? sampleCodes.get(random.nextInt(sampleCodes.size()))
                    : "N" + (1 + random.nextInt(40));
            int status = random.nextInt(10) < 7 ? 0 : random.nextInt(10) < 6 ? 1 : 2;
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
            LocalDateTime at = random.nextInt(5) == 0
                    ? now.minusMinutes(random.nextInt(36 * 60)).plusMinutes(random.nextInt(18 * 60))
                    : now.minusDays(1 + random.nextInt(730)).minusMinutes(random.nextInt(24 * 60));
            orders.put(orderNo, new RandomOrder(orderNo, customer, at, status == 1 ? amount.negate() : amount,
                    status));
        }
        return new ArrayList<>(orders.values());
    }

    /** Each customer's metrics in one line, by customer id. */
    private static Map<Long, String> lines(CustomerMetrics m) {
        Map<Long, String> lines = new TreeMap<>();
        for (int i = 0; i < m.size(); i++) {
            lines.put(m.id(i), String.join(" ", m.code(i), Integer.toString(m.frequency(i)),
                    Long.toString(m.monetaryCents(i)), day(m.lastOrderInWindow(i)), day(m.firstOrder(i)),
                    day(m.lastOrder(i)), Integer.toString(m.orders(i))));
        }
        return lines;
    }

    /** Each customer's scored row as the run writes it, by customer id. */
    private static Map<Long, String> lines(ScoredCustomers s) {
        CustomerMetrics m = s.metrics();
        Map<Long, String> lines = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            boolean scored = m.scored(i);
            lines.put(m.id(i), String.join(" ", String.valueOf(s.recencyDays(i)), Integer.toString(m.frequency(i)),
                    BigDecimal.valueOf(m.monetaryCents(i), 2).toPlainString(),
                    scored ? Integer.toString(s.r(i)) : "null", scored ? Integer.toString(s.f(i)) : "null",
                    scored ? Integer.toString(s.m(i)) : "null",
                    s.segment(i) == null ? "null" : Objects.requireNonNull(s.segment(i)).key(),
                    s.tier(i) == null ? "null" : Objects.requireNonNull(s.tier(i)).name(), s.stage(i).key(),
                    day(m.firstOrder(i)), day(m.lastOrder(i)), Integer.toString(m.orders(i))));
        }
        return lines;
    }

    /** The run's customer rows, in the form of {@link #lines(ScoredCustomers)}. */
    private Map<Long, String> stored(TenantId tenant, long run) {
        Map<Long, String> lines = new TreeMap<>();
        jdbc.sql("""
                select customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_segment,
                       abc_tier, lifecycle, first_order, last_order, orders_total
                  from customer_segment where tenant_id = ? and run_id = ?""").params(tenant.value(), run)
                .query(rs -> {
                    lines.put(rs.getLong(1), String.join(" ", String.valueOf(rs.getObject(2)),
                            Integer.toString(rs.getInt(3)), rs.getBigDecimal(4).setScale(2).toPlainString(),
                            String.valueOf(rs.getObject(5)), String.valueOf(rs.getObject(6)),
                            String.valueOf(rs.getObject(7)), String.valueOf(rs.getString(8)),
                            String.valueOf(rs.getString(9)), rs.getString(10), date(rs.getDate(11)),
                            date(rs.getDate(12)), Integer.toString(rs.getInt(13))));
                });
        return lines;
    }

    private static String day(int epochDay) {
        return epochDay == CustomerMetrics.NONE ? "-" : LocalDate.ofEpochDay(epochDay).toString();
    }

    private static String date(java.sql.@org.jspecify.annotations.Nullable Date date) {
        return date == null ? "-" : date.toLocalDate().toString();
    }
}
