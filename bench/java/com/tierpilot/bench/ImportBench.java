package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.importing.FileAnalysis;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportService;
import com.tierpilot.tenant.ProvisionedTenant;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.security.Principals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Imports a generated CSV of 1,000,000 order lines (250,000 orders of 4 lines, 100,000 customers, the shape of UCI
 * Online Retail) into MariaDB through the real import service, and in the same run loads the same normalised rows
 * (the customers and the orders the import produces) with LOAD DATA LOCAL INFILE into the same tables, for
 * another tenant. Prints both times, their ratio, and the peak heap of the import.
 */
public final class ImportBench {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static void main(String[] args) throws Exception {
        int lines = 1_000_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--lines")) {
                lines = Integer.parseInt(args[i + 1]);
            }
        }
        int linesPerOrder = 4;
        int orders = lines / linesPerOrder;
        int customers = Math.max(1, orders * 2 / 5);
        String schema = "tierpilot_bench_import";
        String url = BenchDatabase.recreate(schema);
        Path work = Files.createTempDirectory("tierpilot-bench");

        Path csv = work.resolve("order-lines.csv");
        Path normalisedCustomers = work.resolve("customers.tsv");
        Path normalisedOrders = work.resolve("orders.tsv");
        long generate = System.nanoTime();
        generate(csv, normalisedOrders, normalisedCustomers, orders, linesPerOrder, customers);
        System.out.printf("Generated %,d order lines (%,d orders, %,d customers, %.1f MB) in %.1f s%n", lines, orders,
                customers, Files.size(csv) / 1e6, seconds(generate));

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "tierpilot.demo.enabled=false",
                        "server.port=0", "spring.quartz.auto-startup=false", "logging.level.root=WARN",
                        "logging.level.com.tierpilot.importing=DEBUG",
                        "logging.level.com.tierpilot.customer.persistence.IntakeMerger=DEBUG")
                .run()) {
            TenantProvisioningService provisioning = app.getBean(TenantProvisioningService.class);
            ProvisionedTenant baseline = provisioning.createTenant(command("Baseline Co", "baseline"));
            ProvisionedTenant tenant = provisioning.createTenant(command("Import Co", "import"));

            double load = loadData(schema, baseline.tenantId(), normalisedCustomers, normalisedOrders);
            System.out.printf("Baseline: LOAD DATA LOCAL INFILE of %,d customers and %,d orders: %.1f s%n",
                    customers, orders, load);

            signIn(app, "import");
            ImportService imports = app.getBean(ImportService.class);
            HeapWatch heap = HeapWatch.start();
            long start = System.nanoTime();
            FileAnalysis analysis = imports.analyze(tenant.tenantId(), csv);
            // As an upload runs: checked, then in the import executor, which deletes the file once the import and
            // the clearing of its staging rows are over.
            long id = imports.start(tenant.tenantId(), tenant.owner(), csv, "order-lines.csv", analysis.suggested());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofHours(1))
                    .pollInterval(java.time.Duration.ofMillis(20)).until(() -> !Files.exists(csv));
            ImportRunStatus run = imports.status(tenant.tenantId(), id);
            double imported = seconds(start);
            long peak = heap.stop();
            if (run.state() != ImportRunStatus.State.SUCCEEDED || run.ordersCreated() != orders
                    || run.customersCreated() != customers || run.rowsRejected() != 0) {
                throw new IllegalStateException("the import did not produce the expected rows: " + run);
            }
            double visible = java.time.Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
            System.out.printf("Import through ImportService: %,d lines → %,d orders, %,d customers: visible after"
                    + " %.1f s (%,.0f lines/s); %.1f s with clearing the staging tables%n", run.rowsRead(),
                    run.ordersCreated(), run.customersCreated(), visible, run.rowsRead() / visible, imported);
            System.out.printf("Peak heap used during the import: %d MB (limit %d MB)%n", peak / (1 << 20),
                    Runtime.getRuntime().maxMemory() / (1 << 20));
            System.out.printf("RATIO import / LOAD DATA = %.2f (goal <= 3); with clearing the staging tables %.2f%n",
                    visible / load, imported / load);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(normalisedOrders);
            Files.deleteIfExists(normalisedCustomers);
            Files.deleteIfExists(work);
        }
    }

    /** Writes the CSV the user would upload, and the normalised rows the import must produce from it. */
    private static void generate(Path csv, Path orderRows, Path customerRows, int orders, int linesPerOrder,
            int customers) throws IOException {
        Random random = new Random(42);
        LocalDateTime first = LocalDateTime.of(2024, 1, 1, 8, 0);
        String[] countries = {"United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands"};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                BufferedWriter norm = Files.newBufferedWriter(orderRows, StandardCharsets.UTF_8);
                BufferedWriter cust = Files.newBufferedWriter(customerRows, StandardCharsets.UTF_8)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            for (int c = 0; c < customers; c++) {
                cust.write("C" + (100000 + c) + "\t" + countries[c % countries.length] + "\t2024-01-01\n");
            }
            for (int o = 0; o < orders; o++) {
                boolean refund = o % 25 == 0;
                String invoice = (refund ? "C" : "") + (500000 + o);
                int customer = (int) Math.floor(Math.pow(random.nextDouble(), 2) * customers);
                customer = o < customers ? o : customer; // every customer buys at least once
                LocalDateTime at = first.plusMinutes(random.nextInt(60 * 24 * 700));
                BigDecimal total = BigDecimal.ZERO;
                int quantityTotal = 0;
                for (int l = 0; l < linesPerOrder; l++) {
                    int quantity = (1 + random.nextInt(12)) * (refund ? -1 : 1);
                    BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(2000), 2);
                    total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
                    quantityTotal += quantity;
                    out.write(invoice + ",SKU" + random.nextInt(4000) + ",\"ITEM, NO " + l + "\"," + quantity + ","
                            + AT.format(at) + "," + price.toPlainString() + ",C" + (100000 + customer) + ","
                            + countries[customer % countries.length] + "\n");
                }
                norm.write(invoice + "\tC" + (100000 + customer) + "\t" + AT.format(at) + "\t"
                        + total.setScale(2, RoundingMode.HALF_UP).toPlainString() + "\t" + quantityTotal + "\t"
                        + (refund ? "REFUNDED" : "COMPLETED") + "\n");
            }
        }
    }

    /** The floor: the normalised customers and orders loaded by the server itself, into the same tables. */
    private static double loadData(String schema, TenantId tenant, Path customers, Path orders) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("load data local infile '" + customers + "' into table customer"
                    + " fields terminated by '\\t' (code, region, created_on)"
                    + " set tenant_id = " + tenant.value() + ", marketing_consent = false,"
                    + " created_at = utc_timestamp(6), updated_at = utc_timestamp(6)");
            // Orders reference customers by id: load them through a join, as the import does.
            s.execute("create temporary table bench_orders (order_no varchar(64), customer_code varchar(64),"
                    + " ordered_at datetime, amount decimal(14,2), quantity int, status varchar(12))");
            s.execute("load data local infile '" + orders + "' into table bench_orders fields terminated by '\\t'");
            s.execute("insert into customer_order (tenant_id, order_no, customer_id, ordered_at, order_date, amount,"
                    + " quantity, status, created_at) select " + tenant.value() + ", b.order_no, c.id, b.ordered_at,"
                    + " cast(b.ordered_at as date), b.amount, b.quantity, b.status, utc_timestamp(6)"
                    + " from bench_orders b join customer c on c.tenant_id = " + tenant.value()
                    + " and c.code = b.customer_code");
            return seconds(start);
        }
    }

    private static SignUpCommand command(String company, String name) {
        return new SignUpCommand(company, name, name + "@bench.example.com", "bench-password-1",
                ZoneId.of("Europe/London"), Currency.getInstance("GBP"), SupportedLocales.ENGLISH);
    }

    private static void signIn(ConfigurableApplicationContext app, String name) {
        TierPilotUser user = app.getBean(Principals.class).forLogin(name + "@bench.example.com").orElseThrow();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Samples the used heap every 50 ms and keeps the maximum. */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private HeapWatch() {
            System.gc();
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getUsage().getUsed()).sum();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
