package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.OrderSummaryService;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import com.tierpilot.segmentation.persistence.CustomerMetricsQueries;
import com.tierpilot.tenant.ProvisionedTenant;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantProvisioningService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A full recompute of one tenant with 1,000,000 customers and 10,000,000 orders on MariaDB, end to end (aggregation,
 * scoring of all schemes, writing assignments, sizes and changes, the atomic switch, the old runs' removal). The
 * orders lie before today, and 1% of the customers also have one order dated today. In the same run, two baselines
 * over the same window: (a) the bare GROUP BY per customer streamed to Java, the read floor; (b) one hand-written SQL
 * statement computing RFM quintiles with NTILE and upserting them into a scores table.
 *
 * <p>Then {@code --rounds} interleaved rounds (3 by default) of the read phase and of whole runs, each by both paths:
 * <ul>
 * <li>the orders read ({@code CustomerMetricsQueries.read}, what every run did before issue 21 and a historical
 * run still does), and a whole run as of tomorrow, which takes that path;</li>
 * <li>the summary read: a night's slide of the order summary window by one day (the window is put back a day,
 * untimed, before each round) plus {@code readSummarised}, and a whole run as of today, which takes that path.</li>
 * </ul>
 * Every round checks that both reads give the same metrics for every customer, field for field.
 */
public final class RecomputeBench {

    private static final LocalDate AS_OF = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int WINDOW = 365;

    public static void main(String[] args) throws Exception {
        int customers = 1_000_000;
        int ordersPerCustomer = 10;
        int rounds = 3;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--customers")) {
                customers = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[i + 1]);
            }
        }
        String schema = "tierpilot_bench_recompute";
        String url = BenchDatabase.recreate(schema);
        try (ConfigurableApplicationContext app = start(url)) {
            ProvisionedTenant tenant = app.getBean(TenantProvisioningService.class).createTenant(new SignUpCommand(
                    "Big Shop", "bench", "recompute@bench.example.com", "bench-password-1",
                    ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.ENGLISH));
            long load = System.nanoTime();
            generate(schema, tenant.tenantId(), customers, ordersPerCustomer);
            System.out.printf("Loaded %,d customers and %,d orders in %.0f s%n", customers,
                    (long) customers * ordersPerCustomer, seconds(load));

            double a = baselineRead(schema, tenant.tenantId());
            System.out.printf("Baseline (a) GROUP BY per customer streamed to Java: %.1f s%n", a);
            double b = baselineNtile(schema, tenant.tenantId());
            System.out.printf("Baseline (b) one SQL statement, NTILE quintiles upserted into a scores table: %.1f s%n",
                    b);

            SegmentationService segmentation = app.getBean(SegmentationService.class);
            OrderSummaryService summaries = app.getBean(OrderSummaryService.class);
            CustomerMetricsQueries reader = app.getBean(CustomerMetricsQueries.class);
            TenantId t = tenant.tenantId();
            LocalDate today = segmentation.today(t);
            LocalDate yesterdaysStart = today.minusDays(WINDOW + 1);
            long built = System.nanoTime();
            summaries.slideWindow(t, yesterdaysStart);
            OrderSummaryService.Repair repair = summaries.repair(t);
            System.out.printf("Order summary built after the bulk load (window start %s, then a repair): %,d"
                    + " customers in %.1f s%n", yesterdaysStart, repair.customers(), seconds(built));

            List<Double> ordersReads = new ArrayList<>();
            List<Double> summaryReads = new ArrayList<>();
            List<Double> ordersRuns = new ArrayList<>();
            List<Double> summaryRuns = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                CustomerMetrics fromOrders = reader.read(t, today, WINDOW);
                ordersReads.add(seconds(start));

                summaries.slideWindow(t, yesterdaysStart);
                start = System.nanoTime();
                summaries.slideWindow(t, today.minusDays(WINDOW));
                double slide = seconds(start);
                CustomerMetrics fromSummary = reader.readSummarised(t, today, WINDOW).orElseThrow();
                summaryReads.add(seconds(start));
                System.out.printf("Round %d read: orders %.2f s; summary %.2f s (the night's slide %.2f s); %,d"
                        + " customers, %d differences%n", round, ordersReads.getLast(), summaryReads.getLast(), slide,
                        fromSummary.size(), differences(fromOrders, fromSummary));

                ordersRuns.add(run(segmentation, t, today.plusDays(1), "orders read, as of tomorrow", a));
                summaries.slideWindow(t, yesterdaysStart);
                summaryRuns.add(run(segmentation, t, null, "summary read, as of today", a));
            }
            System.out.printf("Read phase, min / median of %d: orders %.2f / %.2f s, summary %.2f / %.2f s;"
                    + " ratio to (a) %.2f / %.2f and %.2f / %.2f%n", rounds, min(ordersReads), median(ordersReads),
                    min(summaryReads), median(summaryReads), min(ordersReads) / a, median(ordersReads) / a,
                    min(summaryReads) / a, median(summaryReads) / a);
            System.out.printf("Whole run, min / median of %d: orders read %.1f / %.1f s, summary read %.1f / %.1f s;"
                    + " ratio to (a) %.2f / %.2f and %.2f / %.2f, to (b) %.2f / %.2f and %.2f / %.2f%n", rounds,
                    min(ordersRuns), median(ordersRuns), min(summaryRuns), median(summaryRuns), min(ordersRuns) / a,
                    median(ordersRuns) / a, min(summaryRuns) / a, median(summaryRuns) / a, min(ordersRuns) / b,
                    median(ordersRuns) / b, min(summaryRuns) / b, median(summaryRuns) / b);
        }
    }

    /**
     * The application in this JVM on the bench's schema, with its web server on a random port; no demo data, no
     * Quartz, no prediction after a recompute; segmentation logs at INFO.
     */
    static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "server.port=0", "tierpilot.demo.enabled=false", "spring.quartz.auto-startup=false",
                        "tierpilot.prediction.after-recompute=false",
                        "logging.level.root=WARN", "logging.level.com.tierpilot.segmentation=INFO")
                .run();
    }

    private static double run(SegmentationService segmentation, TenantId tenant, LocalDate asOf, String path,
            double a) throws InterruptedException {
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        RunStatus run = segmentation.runNow(tenant, asOf, RunTrigger.MANUAL);
        double seconds = seconds(start);
        long peak = heap.stop();
        if (run.state() != RunStatus.State.SUCCEEDED) {
            throw new IllegalStateException("recompute failed: " + run);
        }
        System.out.printf("Recompute (%s): %,d customers (%,d scored), %,d changes: %.1f s; peak heap %d MB;"
                + " ratio to (a) %.2f%n", path, run.customers(), run.customersScored(), run.changes(), seconds,
                peak >> 20, seconds / a);
        return seconds;
    }

    /** How many customers' metrics differ between the two reads (0 when they agree field for field). */
    private static int differences(CustomerMetrics x, CustomerMetrics y) {
        if (x.size() != y.size()) {
            return Math.max(x.size(), y.size());
        }
        int differ = 0;
        for (int i = 0; i < x.size(); i++) {
            if (x.id(i) != y.id(i) || !x.code(i).equals(y.code(i)) || x.frequency(i) != y.frequency(i)
                    || x.monetaryCents(i) != y.monetaryCents(i) || x.lastOrderInWindow(i) != y.lastOrderInWindow(i)
                    || x.firstOrder(i) != y.firstOrder(i) || x.lastOrder(i) != y.lastOrder(i)
                    || x.orders(i) != y.orders(i)) {
                differ++;
            }
        }
        return differ;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Customers and orders, bulk-loaded; the order indexes are built after the load, as an operator would. */
    static void generate(String schema, TenantId tenant, int customers, int perCustomer) throws Exception {
        Path dir = Files.createTempDirectory("tierpilot-bench");
        Path customerFile = dir.resolve("customers.tsv");
        Path orderFile = dir.resolve("orders.tsv");
        Random random = new Random(7);
        String[] regions = {"上海", "北京", "广东", "浙江", "江苏", "四川"};
        try (BufferedWriter c = Files.newBufferedWriter(customerFile, StandardCharsets.UTF_8);
                BufferedWriter o = Files.newBufferedWriter(orderFile, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= customers; i++) {
                c.write("B" + i + "\t" + regions[i % regions.length] + "\n");
            }
            long orderNo = 0;
            for (int i = 1; i <= customers; i++) {
                double spend = Math.exp(random.nextGaussian() * 0.9 + 5);
                int lastDay = random.nextInt(900);
                for (int k = 0; k < perCustomer; k++) {
                    int daysAgo = lastDay + random.nextInt(730);
                    LocalDate day = AS_OF.minusDays(1 + daysAgo);
                    String status = random.nextInt(50) == 0 ? "CANCELLED" : random.nextInt(30) == 0 ? "REFUNDED"
                            : "COMPLETED";
                    long cents = (long) (spend * 100 * (0.5 + random.nextDouble()));
                    o.write(++orderNo + "\t" + i + "\t" + day + " 12:00:00\t" + day + "\t"
                            + (status.equals("REFUNDED") ? "-" : "") + cents / 100 + "." + String.format("%02d",
                                    cents % 100) + "\t" + status + "\n");
                }
                if (i % 100 == 0) {
                    // Today's order of 1% of the customers: a run as of today must leave it out.
                    o.write(++orderNo + "\t" + i + "\t" + AS_OF + " 09:00:00\t" + AS_OF + "\t"
                            + (long) spend + ".00\tCOMPLETED\n");
                }
            }
        }
        try (Connection conn = BenchDatabase.loadingConnection(schema); Statement s = conn.createStatement()) {
            // The generated rows are consistent by construction; checking each against the parent tables only
            // slows the load, as it would for an operator restoring a dump.
            s.execute("set session foreign_key_checks = 0");
            s.execute("load data local infile '" + customerFile + "' into table customer (code, region)"
                    + " set tenant_id = " + tenant.value() + ", created_on = '2020-01-01', marketing_consent = false,"
                    + " created_at = utc_timestamp(6), updated_at = utc_timestamp(6)");
            long firstId;
            try (ResultSet rs = s.executeQuery("select min(id) from customer where tenant_id = " + tenant.value())) {
                rs.next();
                firstId = rs.getLong(1);
            }
            // The unique order number stays: a foreign key needs it. The two secondary indexes are built after the load.
            s.execute("alter table customer_order drop index ix_customer_order_agg, drop index ix_customer_order_date");
            s.execute("load data local infile '" + orderFile + "' into table customer_order"
                    + " (@no, @customer, ordered_at, order_date, amount, status) set tenant_id = " + tenant.value()
                    + ", order_no = concat('O', @no), customer_id = @customer + " + (firstId - 1)
                    + ", quantity = 1, created_at = utc_timestamp(6)");
            s.execute("alter table customer_order add index ix_customer_order_agg (tenant_id, customer_id, order_date, status, amount),"
                    + " add index ix_customer_order_date (tenant_id, order_date)");
            s.execute("analyze table customer, customer_order");
        } finally {
            Files.deleteIfExists(customerFile);
            Files.deleteIfExists(orderFile);
            Files.deleteIfExists(dir);
        }
    }

    /** (a) The read floor: the aggregation every recompute needs, streamed to Java and summed up. */
    private static double baselineRead(String schema, TenantId tenant) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema);
                PreparedStatement ps = c.prepareStatement("""
                        select customer_id, max(order_date), count(*), sum(amount) from customer_order
                         where tenant_id = ? and order_date >= ? and order_date < ? and status <> 'CANCELLED'
                         group by customer_id""", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            ps.setLong(1, tenant.value());
            ps.setObject(2, AS_OF.minusDays(WINDOW));
            ps.setObject(3, AS_OF);
            long start = System.nanoTime();
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows += rs.getInt(3);
                    rs.getBigDecimal(4);
                    rs.getDate(2);
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("no orders in the window");
            }
            return seconds(start);
        }
    }

    /** (b) What a user would otherwise schedule: RFM quintiles with NTILE, upserted in one statement. */
    private static double baselineNtile(String schema, TenantId tenant) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_rfm_scores (tenant_id bigint not null, customer_id bigint not"
                    + " null, r tinyint, f tinyint, m tinyint, primary key (tenant_id, customer_id))");
            long start = System.nanoTime();
            s.executeUpdate("insert into bench_rfm_scores (tenant_id, customer_id, r, f, m)"
                    + " select " + tenant.value() + ", customer_id, ntile(5) over (order by last_order),"
                    + " ntile(5) over (order by orders), ntile(5) over (order by monetary)"
                    + " from (select customer_id, max(order_date) as last_order, count(*) as orders,"
                    + " sum(amount) as monetary from customer_order where tenant_id = " + tenant.value()
                    + " and order_date >= '" + AS_OF.minusDays(WINDOW) + "' and order_date < '" + AS_OF + "'"
                    + " and status <> 'CANCELLED' group by customer_id) a"
                    + " on duplicate key update r = values(r), f = values(f), m = values(m)");
            return seconds(start);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Samples the used heap every 50 ms and keeps the maximum. */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        HeapWatch() {
            System.gc();
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getUsage().getUsed()).sum(),
                            Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
