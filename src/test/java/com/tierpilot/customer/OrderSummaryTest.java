package com.tierpilot.customer;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static com.tierpilot.customer.CustomerFixtures.order;
import static com.tierpilot.customer.CustomerFixtures.refund;
import static com.tierpilot.support.RandomOrders.csv;
import static com.tierpilot.support.RandomOrders.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.importing.FileAnalysis;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportService;
import com.tierpilot.demo.SampleDataService;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.HttpApi;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.RandomOrders.RandomOrder;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-customer order summary (issue 21) is kept by every order write, in the write's transaction: after random
 * imports, REST batches, refunds, orders moved between customers and the sample data's load and removal, it agrees
 * customer for customer with a rebuild from the orders.
 */
@IntegrationTest
class OrderSummaryTest {

    private static final long SEED = 21;
    private static final int ROUNDS = 12;

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService bulk;
    @Autowired
    OrderSummaryService summaries;
    @Autowired
    ImportService imports;
    @Autowired
    SampleDataService sample;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theSummaryCountsCompletedOrdersNetsRefundsIgnoresCancellationsAndFollowsAMovedOrder() {
        TenantId tenant = tenants.signUp("Summary Figures").id();
        bulk.upsertCustomers(tenant, List.of(customer("A", "Ann", "上海"), customer("B", "Bo", "北京"),
                customer("Z", "Zed", "上海")));
        bulk.upsertOrders(tenant, List.of(
                order("A-1", "A", LocalDateTime.of(2025, 1, 10, 9, 0), "100.00"),
                order("A-2", "A", LocalDateTime.of(2025, 3, 5, 23, 30), "50.50"),
                refund("A-2R", "A", LocalDateTime.of(2025, 3, 20, 10, 0), "20.00"),
                new OrderRecord("A-3", "A", LocalDateTime.of(2025, 4, 1, 8, 0), new BigDecimal("999.00"), 1, null,
                        null, OrderStatus.CANCELLED),
                order("B-1", "B", LocalDateTime.of(2025, 2, 1, 12, 0), "30.00"),
                new OrderRecord("N-1", "NEW", LocalDateTime.of(2025, 5, 1, 12, 0), new BigDecimal("5.00"), 1, null,
                        null, OrderStatus.CANCELLED)));

        assertThat(summary(tenant)).containsExactly(
                Map.entry("A", "2025-01-10 2025-03-05 2 130.50 2025-01-10 2025-03-20 | 2 130.50"),
                Map.entry("B", "2025-02-01 2025-02-01 1 30.00 2025-02-01 2025-02-01 | 1 30.00"),
                Map.entry("NEW", "- - 0 0.00 - - | 0 0.00"));

        // B's only order moves to A in a later batch: A gains it, and B, without orders, leaves the summary.
        bulk.upsertOrders(tenant, List.of(order("B-1", "A", LocalDateTime.of(2025, 6, 1, 12, 0), "30.00")));

        assertThat(summary(tenant)).containsExactly(
                Map.entry("A", "2025-01-10 2025-06-01 3 160.50 2025-01-10 2025-06-01 | 3 160.50"),
                Map.entry("NEW", "- - 0 0.00 - - | 0 0.00"));
        assertThat(summaries.differences(tenant)).isZero();
    }

    @Test
    void aSlideOfTheWindowRefreshesOnlyTheCustomersWithAnOrderOnTheDaysThatLeftIt() {
        TenantId tenant = tenants.signUp("Summary Window").id();
        bulk.upsertCustomers(tenant, List.of(customer("A", "Ann", "上海"), customer("B", "Bo", "北京"),
                customer("C", "Cy", "上海")));
        bulk.upsertOrders(tenant, List.of(
                order("A-1", "A", LocalDateTime.of(2025, 1, 10, 9, 0), "100.00"),
                order("A-2", "A", LocalDateTime.of(2025, 3, 5, 23, 30), "50.50"),
                refund("A-2R", "A", LocalDateTime.of(2025, 3, 20, 10, 0), "20.00"),
                new OrderRecord("A-3", "A", LocalDateTime.of(2025, 4, 1, 8, 0), new BigDecimal("999.00"), 1, null,
                        null, OrderStatus.CANCELLED),
                order("B-1", "B", LocalDateTime.of(2025, 2, 1, 12, 0), "30.00"),
                order("C-1", "C", LocalDateTime.of(2025, 4, 2, 12, 0), "70.00")));
        assertThat(summaries.windowStart(tenant)).as("before the first slide").isEqualTo(LocalDate.of(1000, 1, 1));

        summaries.slideWindow(tenant, LocalDate.of(2025, 3, 1));

        assertThat(summaries.windowStart(tenant)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(summary(tenant)).containsExactly(
                Map.entry("A", "2025-01-10 2025-03-05 2 130.50 2025-01-10 2025-03-20 | 1 30.50"),
                Map.entry("B", "2025-02-01 2025-02-01 1 30.00 2025-02-01 2025-02-01 | 0 0.00"),
                Map.entry("C", "2025-04-02 2025-04-02 1 70.00 2025-04-02 2025-04-02 | 1 70.00"));
        assertThat(summaries.differences(tenant)).isZero();

        // Only A has an order between 1 and 10 March: C's row, wrong on purpose, is left alone by the next slide.
        jdbc.sql("update customer_order_summary set window_orders = 9 where tenant_id = ? and customer_id = ?")
                .params(tenant.value(), id(tenant, "C")).update();
        summaries.slideWindow(tenant, LocalDate.of(2025, 3, 10));

        assertThat(summary(tenant)).containsExactly(
                Map.entry("A", "2025-01-10 2025-03-05 2 130.50 2025-01-10 2025-03-20 | 0 -20.00"),
                Map.entry("B", "2025-02-01 2025-02-01 1 30.00 2025-02-01 2025-02-01 | 0 0.00"),
                Map.entry("C", "2025-04-02 2025-04-02 1 70.00 2025-04-02 2025-04-02 | 9 70.00"));
        assertThat(summaries.differences(tenant)).isEqualTo(1);

        // An order write after the slide counts relative to the new start; a slide back refreshes A and B again.
        bulk.upsertOrders(tenant, List.of(order("B-2", "B", LocalDateTime.of(2025, 3, 12, 12, 0), "5.00")));
        summaries.slideWindow(tenant, LocalDate.of(2025, 1, 1));
        assertThat(summary(tenant)).containsExactly(
                Map.entry("A", "2025-01-10 2025-03-05 2 130.50 2025-01-10 2025-03-20 | 2 130.50"),
                Map.entry("B", "2025-02-01 2025-03-12 2 35.00 2025-02-01 2025-03-12 | 2 35.00"),
                Map.entry("C", "2025-04-02 2025-04-02 1 70.00 2025-04-02 2025-04-02 | 9 70.00"));
    }

    @Test
    void randomImportsBatchesRefundsAndDeletionsLeaveTheSummaryAsARebuildWouldMakeIt() throws IOException {
        TestTenant shop = tenants.signUp("Summary Rounds", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        HttpApi api = new HttpApi("http://127.0.0.1:" + port, shop.apiToken());
        Random random = new Random(SEED);
        shop.signInAsOwner();
        sample.load(shop.id());
        await().atMost(Duration.ofMinutes(3)).until(() -> !segmentation.running(shop.id()));
        List<String> sampleCodes = jdbc.sql("select code from customer where tenant_id = ? and sample = true"
                + " order by code").param(shop.id().value()).query(String.class).list().subList(0, 40);
        List<String> sampleOrders = jdbc.sql("select o.order_no from customer_order o join customer c"
                + " on c.tenant_id = o.tenant_id and c.id = o.customer_id where o.tenant_id = ? and c.sample = true"
                + " order by o.order_no").param(shop.id().value()).query(String.class).list().subList(0, 60);
        assertThat(rows(shop.id())).as("the sample's load summarised its customers").hasSizeGreaterThan(300);
        int removalRound = ROUNDS * 2 / 3;
        int imported = 0;
        int posted = 0;

        for (int round = 0; round < ROUNDS; round++) {
            boolean withSample = round < removalRound;
            if (round == removalRound) {
                long sampleCustomers = jdbc.sql("select count(*) from customer where tenant_id = ? and sample = true")
                        .param(shop.id().value()).query(Long.class).single();
                assertThat(sample.remove(shop.id())).isEqualTo(sampleCustomers);
            }
            // The window moves too (back and forth, as a change of the window's length can): every write after
            // it counts relative to the new start.
            summaries.slideWindow(shop.id(), LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700)));
            int operations = 1 + random.nextInt(3);
            for (int op = 0; op < operations; op++) {
                List<RandomOrder> orders = randomOrders(random, withSample ? sampleCodes : List.of(),
                        withSample ? sampleOrders : List.of());
                if (random.nextBoolean()) {
                    HttpResponse<String> answer = api.post("/api/v1/orders", json(orders));
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.body()).contains("\"errors\":[]");
                    posted += orders.size();
                } else {
                    Path file = dir.resolve("orders-" + round + "-" + op + ".csv");
                    Files.writeString(file, csv(orders));
                    FileAnalysis analysis = imports.analyze(shop.id(), file);
                    ImportRunStatus run = FinishedImports.run(imports, shop.id(), shop.owner().userId(), file,
                            file.getFileName().toString(), analysis.suggested());
                    assertThat(run.state()).as(run.toString()).isEqualTo(ImportRunStatus.State.SUCCEEDED);
                    imported += orders.size();
                }
            }

            Map<Long, String> maintained = rows(shop.id());
            OrderSummaryService.Repair repair = summaries.repair(shop.id());
            Map<Long, String> rebuilt = rows(shop.id());

            assertThat(repair.wrongBefore()).as("round %d: customers whose summary was wrong", round).isZero();
            assertThat(maintained).as("round %d: the maintained summary, customer for customer", round)
                    .isEqualTo(rebuilt);
            assertThat(repair.customers()).isEqualTo(rebuilt.size());
        }
        assertThat(imported).as("orders imported").isPositive();
        assertThat(posted).as("orders posted").isPositive();
        assertThat(jdbc.sql("select count(*) from customer_order_summary s join customer c on c.tenant_id = s.tenant_id"
                + " and c.id = s.customer_id where s.tenant_id = ? and c.sample = true").param(shop.id().value())
                .query(Long.class).single()).as("the sample's removal took its summaries").isZero();
    }

    @Test
    void theRepairJobRebuildsACorruptedSummary() throws SchedulerException {
        TenantId tenant = tenants.signUp("Summary Repair").id();
        TenantId other = tenants.signUp("Summary Bystander").id();
        for (TenantId t : List.of(tenant, other)) {
            bulk.upsertOrders(t, List.of(order("R-1", "C1", LocalDateTime.of(2025, 1, 1, 10, 0), "10.00"),
                    order("R-2", "C2", LocalDateTime.of(2025, 1, 2, 10, 0), "20.00"),
                    refund("R-3", "C3", LocalDateTime.of(2025, 1, 3, 10, 0), "5.00")));
        }
        Map<Long, String> right = rows(tenant);
        Map<Long, String> otherRight = rows(other);
        long c1 = id(tenant, "C1");
        jdbc.sql("update customer_order_summary set revenue = 11, last_order = null where tenant_id = ?"
                + " and customer_id = ?").params(tenant.value(), c1).update();
        jdbc.sql("delete from customer_order_summary where tenant_id = ? and customer_id = ?")
                .params(tenant.value(), id(tenant, "C2")).update();
        bulk.upsertCustomers(tenant, List.of(customer("C4", "No orders", "上海")));
        jdbc.sql("insert into customer_order_summary (tenant_id, customer_id, orders, revenue) values (?, ?, 3, 1)")
                .params(tenant.value(), id(tenant, "C4")).update();
        assertThat(summaries.differences(tenant)).isEqualTo(3);

        JobDetail job = OrderSummaryService.repairJob(tenant);
        OperableTrigger trigger = (OperableTrigger) org.quartz.TriggerBuilder.newTrigger().forJob(job).startNow()
                .build();
        OrderSummaryRepairJob repairJob = new OrderSummaryRepairJob(summaries);
        repairJob.execute(new JobExecutionContextImpl(scheduler, new TriggerFiredBundle(job, trigger, null, false,
                new Date(), new Date(), null, null), repairJob));

        assertThat(rows(tenant)).isEqualTo(right);
        assertThat(summaries.differences(tenant)).isZero();
        assertThat(rows(other)).as("another company's summary").isEqualTo(otherRight);

        summaries.scheduleRepair(tenant);
        assertThat(scheduler.checkExists(job.getKey())).as("the queued repair").isTrue();
        assertThat(scheduler.getTriggersOfJob(job.getKey())).hasSize(1);
        scheduler.deleteJob(job.getKey());
    }

    /**
     * New orders and changes to earlier ones (another amount, day, status or customer), among them refunds and
     * cancellations, of a few dozen customers and, while it is loaded, of the sample's; no order twice in one batch.
     */
    private static List<RandomOrder> randomOrders(Random random, List<String> sampleCodes, List<String> sampleOrders) {
        int size = 1 + random.nextInt(40);
        Map<String, RandomOrder> orders = new TreeMap<>();
        while (orders.size() < size) {
            String orderNo = !sampleOrders.isEmpty() && random.nextInt(8) == 0
                    ? sampleOrders.get(random.nextInt(sampleOrders.size()))
                    : "SO-" + (1 + random.nextInt(250));
            String customer = !sampleCodes.isEmpty() && random.nextInt(6) == 0
                    ? sampleCodes.get(random.nextInt(sampleCodes.size()))
                    : "C" + (1 + random.nextInt(30));
            int status = random.nextInt(10) < 7 ? 0 : random.nextInt(10) < 6 ? 1 : 2;
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
            LocalDateTime at = LocalDateTime.of(2024, 1, 1, 0, 0).plusDays(random.nextInt(700))
                    .plusMinutes(random.nextInt(24 * 60));
            orders.put(orderNo, new RandomOrder(orderNo, customer, at, status == 1 ? amount.negate() : amount,
                    status));
        }
        return new ArrayList<>(orders.values());
    }

    private long id(TenantId tenant, String code) {
        return jdbc.sql("select id from customer where tenant_id = ? and code = ?").params(tenant.value(), code)
                .query(Long.class).single();
    }

    /** The company's summary rows by customer id, each as its figures in one line. */
    private Map<Long, String> rows(TenantId tenant) {
        Map<Long, String> rows = new TreeMap<>();
        jdbc.sql("""
                select customer_id, first_order, last_order, orders, revenue, first_active, last_active,
                       window_orders, window_revenue
                  from customer_order_summary where tenant_id = ?""").param(tenant.value())
                .query(rs -> {
                    rows.put(rs.getLong(1), line(rs));
                });
        return rows;
    }

    /** The company's summary rows by customer code. */
    private Map<String, String> summary(TenantId tenant) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.sql("""
                select c.code, s.first_order, s.last_order, s.orders, s.revenue, s.first_active, s.last_active,
                       s.window_orders, s.window_revenue
                  from customer_order_summary s join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
                 where s.tenant_id = ?""").param(tenant.value())
                .query(rs -> {
                    rows.put(rs.getString(1), line(rs));
                });
        return rows;
    }

    private static String line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return String.join(" ", date(rs.getDate(2)), date(rs.getDate(3)), Integer.toString(rs.getInt(4)),
                rs.getBigDecimal(5).setScale(2, RoundingMode.UNNECESSARY).toPlainString(), date(rs.getDate(6)),
                date(rs.getDate(7)), "|", Integer.toString(rs.getInt(8)),
                rs.getBigDecimal(9).setScale(2, RoundingMode.UNNECESSARY).toPlainString());
    }

    private static String date(java.sql.@org.jspecify.annotations.Nullable Date date) {
        return date == null ? "-" : date.toLocalDate().toString();
    }
}
