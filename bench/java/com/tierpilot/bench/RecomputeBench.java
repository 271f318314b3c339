package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
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
import java.util.Currency;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A full recompute of one tenant with 1,000,000 customers and 10,000,000 orders on MariaDB, end to end (aggregation,
 * scoring of all schemes, writing assignments, sizes and changes, the atomic switch), twice (the second run also
 * writes the change log against the first). In the same run, two baselines over the same window:
 * (a) the bare GROUP BY per customer streamed to Java, the read floor; (b) one hand-written SQL statement computing
 * RFM quintiles with NTILE and upserting them into a scores table, what a user would otherwise schedule by cron.
 */
public final class RecomputeBench {

    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

    public static void main(String[] args) throws Exception {
        int customers = 1_000_000;
        int ordersPerCustomer = 10;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--customers")) {
                customers = Integer.parseInt(args[i + 1]);
            }
        }
        String schema = "tierpilot_bench_recompute";
        String url = BenchDatabase.recreate(schema);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "server.port=0", "tierpilot.demo.enabled=false", "spring.quartz.auto-startup=false",
                        "tierpilot.prediction.after-recompute=false",
                        "logging.level.root=WARN", "logging.level.com.tierpilot.segmentation=INFO")
                .run()) {
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
            for (int round = 1; round <= 2; round++) {
                HeapWatch heap = new HeapWatch();
                long start = System.nanoTime();
                RunStatus run = segmentation.runNow(tenant.tenantId(), AS_OF.plusDays(round - 1), RunTrigger.MANUAL);
                double seconds = seconds(start);
                long peak = heap.stop();
                if (run.state() != RunStatus.State.SUCCEEDED) {
                    throw new IllegalStateException("recompute failed: " + run);
                }
                System.out.printf("Recompute %d: %,d customers (%,d scored), %,d changes: %.1f s; peak heap %d MB;"
                        + " ratio to (a) %.2f, to (b) %.2f%n", round, run.customers(), run.customersScored(),
                        run.changes(), seconds, peak >> 20, seconds / a, seconds / b);
            }
        }
    }

    /** Customers and orders, bulk-loaded; the order indexes are built after the load, as an operator would. */
    private static void generate(String schema, TenantId tenant, int customers, int perCustomer) throws Exception {
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
            ps.setObject(2, AS_OF.minusDays(365));
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
                    + " and order_date >= '" + AS_OF.minusDays(365) + "' and order_date < '" + AS_OF + "'"
                    + " and status <> 'CANCELLED' group by customer_id) a"
                    + " on duplicate key update r = values(r), f = values(f), m = values(m)");
            return seconds(start);
        }
    }

    private static double seconds(long startNanos) {
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
