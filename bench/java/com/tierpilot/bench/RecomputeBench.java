package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.OrderSummaryService;
import com.tierpilot.segmentation.AbcSettings;
import com.tierpilot.segmentation.LifecycleSettings;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RfmSettings;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.segmentation.SegmentationSettings;
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
import java.util.Objects;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A full recompute of one tenant with 1,000,000 customers and 10,000,000 orders on MariaDB, end to end (aggregation,
 * scoring of all schemes, writing assignments, sizes and changes, the atomic switch, the old runs' removal). The
 * orders lie before today, and 1% of the customers also have one order dated today. In the same run, three
 * baselines:
 * <ul>
 * <li>(a) the bare GROUP BY per customer over the window, streamed to Java: the read floor;</li>
 * <li>(b) one SQL statement computing RFM quintiles with NTILE over the window's orders and upserting them into a
 * scores table: less than a run does (three tie-unaware scores, only the customers with an order in the window, stale
 * rows left in place), kept for comparison with earlier figures;</li>
 * <li>(c) one SQL statement that does a run's whole per-customer work ({@link #wholeRecomputeStatement}): an
 * {@code insert ... select} with CTEs and window functions that writes, for every customer of the tenant, the row a
 * run writes to {@code customer_segment} (recency, frequency, monetary, the three quintile scores with DESIGN.md's
 * tie rule, the RFM segment from the tenant's R×F grid, the ABC tier, the lifecycle stage, the first and last order
 * and the lifetime order count), by the tenant's settings, into a table of the bench's own with
 * {@code customer_segment}'s columns and three segment indexes, emptied (untimed) before each statement. Each time,
 * the bench compares its rows customer for customer and column for column with the rows of a real run as of the
 * same date and prints the differences (0 expected). What a run also writes and (c) does not: the segment sizes, the
 * change log against the previous run, the rule segments' members (the bench's tenant has none), the run's status
 * and the switch.</li>
 * </ul>
 *
 * <p>Then {@code --rounds} interleaved rounds (3 by default) of the read phase, of whole runs, each by both paths,
 * and of (c):
 * <ul>
 * <li>the orders read ({@code CustomerMetricsQueries.read}, what every run did before issue 21 and a historical
 * run still does), and a whole run as of tomorrow, which takes that path; in the first round only, (c) as of
 * tomorrow is checked against that run;</li>
 * <li>the summary read: a night's slide of the order summary window by one day (the window is put back a day,
 * untimed, before each round) plus {@code readSummarised}, and a whole run as of today, which takes that path (the
 * nightly steady state); then (c) as of today, timed and checked against that run.</li>
 * </ul>
 * Every round checks that both reads give the same metrics for every customer, field for field. The end prints the
 * min and median of each path and the whole runs' ratios to (a), (b) and (c).
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
            LocalDate yesterdaysStart = buildSummary(summaries, t, today);

            SegmentationSettings settings = segmentation.settings(t);
            createStatementResult(schema);
            List<Double> ordersReads = new ArrayList<>();
            List<Double> summaryReads = new ArrayList<>();
            List<Double> ordersRuns = new ArrayList<>();
            List<Double> summaryRuns = new ArrayList<>();
            List<Double> statements = new ArrayList<>();
            List<Integer> statementDifferences = new ArrayList<>();
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

                Run ordersRun = run(segmentation, t, today.plusDays(1), "orders read, as of tomorrow", a);
                ordersRuns.add(ordersRun.seconds());
                if (round == 1) {
                    // Once: the statement as of tomorrow, which counts today's orders, against that run's rows.
                    double c = baselineStatement(schema, t, settings, today.plusDays(1));
                    System.out.printf("Baseline (c) as of tomorrow: %.1f s; %,d differences from run %d%n", c,
                            compareWithRun(schema, t, ordersRun.id()), ordersRun.id());
                }
                summaries.slideWindow(t, yesterdaysStart);
                Run summaryRun = run(segmentation, t, null, "summary read, as of today", a);
                summaryRuns.add(summaryRun.seconds());
                statements.add(baselineStatement(schema, t, settings, today));
                statementDifferences.add(compareWithRun(schema, t, summaryRun.id()));
                System.out.printf("Round %d baseline (c), the recompute's whole work in one SQL statement, as of"
                        + " today: %.1f s; %,d differences from run %d; the run took %.2f x (c)%n", round,
                        statements.getLast(), statementDifferences.getLast(), summaryRun.id(),
                        summaryRun.seconds() / statements.getLast());
            }
            double c = median(statements);
            System.out.printf("Read phase, min / median of %d: orders %.2f / %.2f s, summary %.2f / %.2f s;"
                    + " ratio to (a) %.2f / %.2f and %.2f / %.2f%n", rounds, min(ordersReads), median(ordersReads),
                    min(summaryReads), median(summaryReads), min(ordersReads) / a, median(ordersReads) / a,
                    min(summaryReads) / a, median(summaryReads) / a);
            System.out.printf("Baseline (c), min / median of %d: %.1f / %.1f s; differences from the runs as of"
                    + " today: %s%n", rounds, min(statements), c, statementDifferences);
            System.out.printf("Whole run, min / median of %d: orders read %.1f / %.1f s, summary read %.1f / %.1f s;"
                    + " ratio to (a) %.2f / %.2f and %.2f / %.2f, to (b) %.2f / %.2f and %.2f / %.2f%n", rounds,
                    min(ordersRuns), median(ordersRuns), min(summaryRuns), median(summaryRuns), min(ordersRuns) / a,
                    median(ordersRuns) / a, min(summaryRuns) / a, median(summaryRuns) / a, min(ordersRuns) / b,
                    median(ordersRuns) / b, min(summaryRuns) / b, median(summaryRuns) / b);
            System.out.printf("Whole run to (c), min / min and median / median: orders read %.3f / %.3f, summary"
                    + " read (steady state) %.3f / %.3f%n", min(ordersRuns) / min(statements),
                    median(ordersRuns) / c, min(summaryRuns) / min(statements), median(summaryRuns) / c);
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

    /**
     * Builds the order summary after a bulk load past the order writers, as an operator would: the window slid to
     * yesterday's start, then a repair from the orders; printed. Returns that window start.
     */
    static LocalDate buildSummary(OrderSummaryService summaries, TenantId t, LocalDate today) {
        LocalDate yesterdaysStart = today.minusDays(WINDOW + 1);
        long built = System.nanoTime();
        summaries.slideWindow(t, yesterdaysStart);
        OrderSummaryService.Repair repair = summaries.repair(t);
        System.out.printf("Order summary built after the bulk load (window start %s, then a repair): %,d"
                + " customers in %.1f s%n", yesterdaysStart, repair.customers(), seconds(built));
        return yesterdaysStart;
    }

    private record Run(long id, double seconds) {
    }

    private static Run run(SegmentationService segmentation, TenantId tenant, LocalDate asOf, String path,
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
        return new Run(run.id(), seconds);
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

    /** The columns of a run's row per customer ({@code customer_segment} without its tenant and run ids). */
    private static final List<String> RESULT_COLUMNS = List.of("customer_id", "recency_days", "frequency", "monetary",
            "r_score", "f_score", "m_score", "rfm_segment", "abc_tier", "lifecycle", "first_order", "last_order",
            "orders_total");

    /** (c)'s result table: {@code customer_segment}'s columns and indexes, without the run id. */
    private static void createStatementResult(String schema) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement()) {
            s.execute("""
                    create table bench_recompute_result (
                        tenant_id bigint not null, customer_id bigint not null, recency_days int null,
                        frequency int not null, monetary decimal(14,2) not null, r_score tinyint null,
                        f_score tinyint null, m_score tinyint null, rfm_segment varchar(30) null, abc_tier char(1) null,
                        lifecycle varchar(20) not null, first_order date null, last_order date null,
                        orders_total int not null,
                        primary key (tenant_id, customer_id),
                        index ix_bench_result_rfm (tenant_id, rfm_segment, customer_id),
                        index ix_bench_result_abc (tenant_id, abc_tier, customer_id),
                        index ix_bench_result_lifecycle (tenant_id, lifecycle, customer_id))""");
        }
    }

    /**
     * (c) The recompute's whole per-customer work in one SQL statement, into an emptied result table (emptied
     * untimed): returns its seconds.
     */
    private static double baselineStatement(String schema, TenantId tenant, SegmentationSettings settings,
            LocalDate asOf) throws Exception {
        String sql = wholeRecomputeStatement(tenant, settings, asOf);
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement()) {
            s.execute("truncate table bench_recompute_result");
            long start = System.nanoTime();
            s.executeUpdate(sql);
            return seconds(start);
        }
    }

    /**
     * One {@code insert ... select} that writes, for every customer of the tenant, the row a run as of {@code asOf}
     * writes to {@code customer_segment} (SegmentResultRepository), by DESIGN.md's definitions as ScoringEngine
     * applies them with the tenant's settings: the metrics from the orders dated before {@code asOf} (window figures
     * over its W days, lifetime figures for the lifecycle), quintile scores {@code 1 + floor(5 L / N)} over the
     * scored customers (L counted with RANK, so ties share a score), the R×F grid's segment, the ABC tier from the
     * share held by the customers ranked before (monetary descending, ties by code in binary order, as Java's
     * String order for codes without characters beyond the BMP), and the first lifecycle rule that matches in the
     * tenant's order. Threshold mode is not covered (the bench's tenant scores quintiles).
     *
     * <p>The orders are aggregated through the covering index the schema has for this aggregation, named in the
     * statement: left to itself, MariaDB 10.11 splits the grouped orders per customer (a lateral derived table) and
     * reads them through the foreign key's index plus a primary key lookup per order (at 100,000 customers: 200,027
     * index lookups against 100,028, the row lookups aside; timings on the shared host were too noisy to rank the
     * two plans).
     */
    static String wholeRecomputeStatement(TenantId tenant, SegmentationSettings settings, LocalDate asOf) {
        RfmSettings rfm = settings.rfm();
        if (rfm.mode() != RfmSettings.Mode.QUINTILE) {
            throw new IllegalStateException("baseline (c) covers the quintile mode only");
        }
        StringJoiner grid = new StringJoiner(", ", "elt((r_score - 1) * 5 + f_score, ", ")");
        for (List<RfmSegment> row : rfm.grid()) {
            row.forEach(segment -> grid.add("'" + segment.key() + "'"));
        }
        AbcSettings abc = settings.abc();
        boolean revenue = abc.mode() == AbcSettings.Mode.REVENUE_SHARE;
        String before = revenue ? "revenue_before" : "customers_before";
        String whole = revenue ? "revenue" : "n_scored";
        LifecycleSettings life = settings.lifecycle();
        StringBuilder lifecycle = new StringBuilder("case when orders = 0 then 'potential'");
        for (LifecycleStage stage : life.order()) {
            String rule = switch (stage) {
                case NEW -> "datediff(:to, first_order) <= " + life.newDays();
                case LOYAL -> "orders >= " + life.loyalOrders() + " and datediff(:to, last_order) <= "
                        + life.loyalDays();
                case ACTIVE -> "datediff(:to, last_order) <= " + life.activeDays();
                case AT_RISK -> "datediff(:to, last_order) <= " + life.atRiskDays();
                default -> throw new IllegalStateException("lifecycle rule " + stage);
            };
            lifecycle.append(" when ").append(rule).append(" then '").append(stage.key()).append("'");
        }
        lifecycle.append(" else 'churned' end");
        return """
                insert into bench_recompute_result (tenant_id, customer_id, recency_days, frequency, monetary,
                       r_score, f_score, m_score, rfm_segment, abc_tier, lifecycle, first_order, last_order,
                       orders_total)
                with per_customer as (
                    select customer_id,
                           sum(case when order_date >= :from and status = 'COMPLETED' then 1 else 0 end) as frequency,
                           sum(case when order_date >= :from and status <> 'CANCELLED' then amount else 0 end)
                               as monetary,
                           max(case when order_date >= :from and status = 'COMPLETED' then order_date end)
                               as last_in_window,
                           min(case when status = 'COMPLETED' then order_date end) as first_order,
                           max(case when status = 'COMPLETED' then order_date end) as last_order,
                           sum(case when status = 'COMPLETED' then 1 else 0 end) as orders
                      from customer_order force index (ix_customer_order_agg)
                     where tenant_id = :tenant and order_date < :to
                     group by customer_id),
                metrics as (
                    select c.id, c.code collate utf8mb4_bin as code, coalesce(o.frequency, 0) as frequency,
                           coalesce(o.monetary, 0) as monetary, o.last_in_window, o.first_order, o.last_order,
                           coalesce(o.orders, 0) as orders, coalesce(o.frequency, 0) > 0 as is_scored
                      from customer c
                      left join per_customer o on o.customer_id = c.id
                     where c.tenant_id = :tenant),
                ranked as (
                    select m.*,
                           count(*) over (partition by is_scored) as n_scored,
                           rank() over (partition by is_scored order by last_in_window) - 1 as r_lower,
                           rank() over (partition by is_scored order by frequency) - 1 as f_lower,
                           rank() over (partition by is_scored order by monetary) - 1 as m_lower,
                           row_number() over (partition by is_scored order by monetary desc, code) - 1
                               as customers_before,
                           coalesce(sum(monetary) over (partition by is_scored order by monetary desc, code
                               rows between unbounded preceding and 1 preceding), 0) as revenue_before,
                           sum(greatest(monetary, 0)) over (partition by is_scored) as revenue
                      from metrics m),
                scored as (
                    select ranked.*,
                           case when is_scored then 1 + 5 * r_lower div n_scored end as r_score,
                           case when is_scored then 1 + 5 * f_lower div n_scored end as f_score,
                           case when is_scored then 1 + 5 * m_lower div n_scored end as m_score,
                           case when not is_scored then null when monetary <= 0 then 'C'
                                when :before < :aCut * :whole then 'A' when :before < :bCut * :whole then 'B'
                                else 'C' end as abc_tier
                      from ranked)
                select :tenant, id, datediff(:to, last_in_window), frequency, monetary, r_score, f_score, m_score,
                       :grid, abc_tier, :lifecycle, first_order, last_order, orders
                  from scored"""
                .replace(":lifecycle", lifecycle).replace(":grid", grid.toString())
                .replace(":before", before).replace(":whole", whole)
                .replace(":aCut", abc.aCut().toPlainString()).replace(":bCut", abc.bCut().toPlainString())
                .replace(":from", "'" + asOf.minusDays(rfm.windowDays()) + "'").replace(":to", "'" + asOf + "'")
                .replace(":tenant", Long.toString(tenant.value()));
    }

    /**
     * Compares (c)'s rows with the run's rows customer for customer, column for column (both streamed in customer
     * order), prints the first differences and the count per column; returns the number of customers that differ
     * (missing on either side included).
     */
    private static int compareWithRun(String schema, TenantId tenant, long run) throws Exception {
        String columns = String.join(", ", RESULT_COLUMNS);
        try (Connection x = BenchDatabase.loadingConnection(schema);
                Connection y = BenchDatabase.loadingConnection(schema);
                ResultSet statement = streamed(x, "select " + columns + " from bench_recompute_result"
                        + " where tenant_id = " + tenant.value() + " order by customer_id");
                ResultSet recompute = streamed(y, "select " + columns + " from customer_segment where tenant_id = "
                        + tenant.value() + " and run_id = " + run + " order by customer_id")) {
            int[] perColumn = new int[RESULT_COLUMNS.size()];
            int differ = 0;
            boolean moreX = statement.next();
            boolean moreY = recompute.next();
            while (moreX || moreY) {
                long idX = moreX ? statement.getLong(1) : Long.MAX_VALUE;
                long idY = moreY ? recompute.getLong(1) : Long.MAX_VALUE;
                if (idX != idY) {
                    differ++;
                    ResultSet only = idX < idY ? statement : recompute;
                    if (differ <= 10) {
                        System.out.printf("  customer %d only in %s: %s%n", Math.min(idX, idY),
                                idX < idY ? "(c)" : "the run", row(only));
                    }
                    if (idX < idY) {
                        moreX = statement.next();
                    } else {
                        moreY = recompute.next();
                    }
                    continue;
                }
                boolean same = true;
                for (int k = 1; k < RESULT_COLUMNS.size(); k++) {
                    if (!Objects.equals(statement.getObject(k + 1), recompute.getObject(k + 1))) {
                        perColumn[k]++;
                        same = false;
                    }
                }
                if (!same && ++differ <= 10) {
                    System.out.printf("  customer %d: (c) %s, the run %s%n", idX, row(statement), row(recompute));
                }
                moreX = statement.next();
                moreY = recompute.next();
            }
            if (differ > 0) {
                StringJoiner counts = new StringJoiner(", ");
                for (int k = 1; k < perColumn.length; k++) {
                    if (perColumn[k] > 0) {
                        counts.add(RESULT_COLUMNS.get(k) + " " + perColumn[k]);
                    }
                }
                System.out.printf("  %,d customers differ; per column: %s%n", differ, counts);
            }
            return differ;
        }
    }

    private static ResultSet streamed(Connection c, String sql) throws Exception {
        Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        s.setFetchSize(Integer.MIN_VALUE);
        s.closeOnCompletion();
        return s.executeQuery(sql);
    }

    private static String row(ResultSet rs) throws Exception {
        StringJoiner row = new StringJoiner(", ", "[", "]");
        for (int k = 2; k <= RESULT_COLUMNS.size(); k++) {
            row.add(String.valueOf(rs.getObject(k)));
        }
        return row.toString();
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
