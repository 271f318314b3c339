package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerSearchService;
import com.tierpilot.customer.CustomerSort;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.tenant.ProvisionedTenant;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantProvisioningService;
import java.io.BufferedWriter;
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
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The customer list at 1,000,000 customers (two orders each, recomputed so that the segment filters have a run) on
 * MariaDB: pages of 50 through {@link CustomerSearchService}, as the grid asks for them, for a mix of filters and sorts at
 * offsets 0 to 5,000, each with its capped count. Baseline in the same run: a page of 50 customers read by primary
 * key. Prints p50 and p95 per kind of query and over all filtered pages, and the ratio to the baseline's p95.
 */
public final class CustomerGridBench {

    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
    private static final String[] REGIONS = {"上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "福建", "山东", "河南"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};

    public static void main(String[] args) throws Exception {
        int size = 1_000_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--customers")) {
                size = Integer.parseInt(args[i + 1]);
            }
        }
        int customers = size;
        String schema = "tierpilot_bench_grid";
        String url = BenchDatabase.recreate(schema);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "server.port=0", "tierpilot.demo.enabled=false", "spring.quartz.auto-startup=false",
                        "tierpilot.prediction.after-recompute=false", "logging.level.root=WARN")
                .run()) {
            ProvisionedTenant tenant = app.getBean(TenantProvisioningService.class).createTenant(new SignUpCommand(
                    "Grid Shop", "bench", "grid@bench.example.com", "bench-password-1", ZoneId.of("Asia/Shanghai"),
                    Currency.getInstance("CNY"), SupportedLocales.ENGLISH));
            long managers = tenant.owner().value();
            long load = System.nanoTime();
            generate(schema, tenant.tenantId(), customers, managers);
            System.out.printf("Loaded %,d customers in %.0f s%n", customers, (System.nanoTime() - load) / 1e9);
            long run = System.nanoTime();
            app.getBean(SegmentationService.class).runNow(tenant.tenantId(), AS_OF, RunTrigger.MANUAL);
            System.out.printf("Recomputed in %.0f s%n", (System.nanoTime() - run) / 1e9);

            CustomerSearchService search = app.getBean(CustomerSearchService.class);
            TenantId t = tenant.tenantId();
            Map<String, Supplier<CustomerFilter>> filters = new LinkedHashMap<>();
            Random random = new Random(3);
            filters.put("no filter", () -> CustomerFilter.NONE);
            filters.put("region", () -> new CustomerFilter(null, REGIONS[random.nextInt(REGIONS.length)], null,
                    null, null, null, null, null));
            filters.put("tag", () -> new CustomerFilter(null, null, "VIP", null, null, null, null, null));
            filters.put("manager", () -> new CustomerFilter(null, null, null, managers, null, null, null, null));
            filters.put("abc tier", () -> new CustomerFilter(null, null, null, null, null,
                    new String[] {"A", "B", "C"}[random.nextInt(3)], null, null));
            filters.put("lifecycle", () -> new CustomerFilter(null, null, null, null, null, null,
                    new String[] {"active", "at_risk", "churned", "new"}[random.nextInt(4)], null));
            filters.put("region + tier", () -> new CustomerFilter(null, REGIONS[random.nextInt(REGIONS.length)],
                    null, null, null, "A", null, null));
            filters.put("code search", () -> new CustomerFilter("G" + (1 + random.nextInt(customers)), null, null,
                    null, null, null, null, null));
            filters.put("name search", () -> new CustomerFilter(SURNAMES[random.nextInt(SURNAMES.length)]
                    + (char) ('一' + random.nextInt(200)), null, null, null, null, null, null, null));
            CustomerSort[] sorts = CustomerSort.values();
            int[] offsets = {0, 0, 0, 50, 100, 500, 1000, 5000};

            // Warm-up.
            for (int i = 0; i < 10; i++) {
                for (var f : filters.entrySet()) {
                    if (i < 2 || !f.getKey().endsWith("search")) {
                        search.page(t, f.getValue().get(), CustomerSort.CODE, true, 0, 50);
                    }
                }
            }
            List<Double> baseline = baseline(schema, t, customers);
            List<Double> all = new ArrayList<>();
            for (var entry : filters.entrySet()) {
                List<Double> times = new ArrayList<>();
                // A text search reads every customer (see bench/README.md): fewer rounds of it.
                int rounds = entry.getKey().endsWith("search") ? 10 : 30;
                for (int i = 0; i < rounds; i++) {
                    CustomerFilter filter = entry.getValue().get();
                    CustomerSort sort = sorts[random.nextInt(sorts.length)];
                    int offset = offsets[random.nextInt(offsets.length)];
                    long start = System.nanoTime();
                    search.page(t, filter, sort, random.nextBoolean(), offset, 50);
                    search.count(t, filter);
                    times.add((System.nanoTime() - start) / 1e6);
                }
                if (!entry.getKey().equals("no filter") && !entry.getKey().endsWith("search")) {
                    all.addAll(times);
                }
                System.out.printf("%-14s page + count: p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms%n", entry.getKey(),
                        percentile(times, 50), percentile(times, 95), percentile(times, 100));
            }
            double base95 = percentile(baseline, 95);
            System.out.printf("Baseline (page of 50 by primary key): p50 %.1f ms, p95 %.1f ms%n",
                    percentile(baseline, 50), base95);
            System.out.printf("Filtered pages, search aside (%d queries): p50 %.1f ms, p95 %.1f ms, ratio of p95 to the baseline's"
                    + " %.1f%n", all.size(), percentile(all, 50), percentile(all, 95), percentile(all, 95) / base95);
        }
    }

    private static List<Double> baseline(String schema, TenantId tenant, int customers) throws Exception {
        List<Double> times = new ArrayList<>();
        Random random = new Random(5);
        try (Connection c = BenchDatabase.loadingConnection(schema);
                PreparedStatement ps = c.prepareStatement("select id, code, name, region from customer"
                        + " where tenant_id = ? and id > ? order by id limit 50")) {
            for (int i = 0; i < 200; i++) {
                ps.setLong(1, tenant.value());
                ps.setLong(2, random.nextInt(customers));
                long start = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
                if (i >= 40) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return times;
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Customers with names, regions, phones, 5% tagged VIP, 10% with a manager, and two orders each. */
    private static void generate(String schema, TenantId tenant, int customers, long manager) throws Exception {
        Path dir = Files.createTempDirectory("tierpilot-grid");
        Path customerFile = dir.resolve("customers.tsv");
        Path orderFile = dir.resolve("orders.tsv");
        Path tagFile = dir.resolve("tags.tsv");
        Random random = new Random(17);
        try (BufferedWriter c = Files.newBufferedWriter(customerFile, StandardCharsets.UTF_8);
                BufferedWriter o = Files.newBufferedWriter(orderFile, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= customers; i++) {
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + (char) ('一' + random.nextInt(200))
                        + (random.nextBoolean() ? String.valueOf((char) ('一' + random.nextInt(200))) : "");
                c.write("G" + i + "\t" + name + "\t1" + (3_000_000_000L + i) + "\t" + REGIONS[i % REGIONS.length]
                        + "\t" + (random.nextInt(10) == 0 ? String.valueOf(manager) : "\\N") + "\t"
                        + LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)) + "\n");
                double spend = Math.exp(random.nextGaussian() + 5);
                for (int k = 0; k < 2; k++) {
                    LocalDate day = AS_OF.minusDays(1 + random.nextInt(700));
                    o.write(i + "-" + k + "\t" + i + "\t" + day + " 12:00:00\t" + day + "\t"
                            + String.format("%.2f", spend) + "\n");
                }
            }
        }
        try (Connection conn = BenchDatabase.loadingConnection(schema); Statement s = conn.createStatement()) {
            s.execute("set session foreign_key_checks = 0");
            s.execute("load data local infile '" + customerFile + "' into table customer"
                    + " (code, name, phone, region, account_manager_id, created_on) set tenant_id = "
                    + tenant.value() + ", marketing_consent = true, created_at = utc_timestamp(6),"
                    + " updated_at = utc_timestamp(6)");
            long firstId;
            try (ResultSet rs = s.executeQuery("select min(id) from customer where tenant_id = " + tenant.value())) {
                rs.next();
                firstId = rs.getLong(1);
            }
            try (BufferedWriter t = Files.newBufferedWriter(tagFile, StandardCharsets.UTF_8)) {
                for (int i = 1; i <= customers; i += 20) {
                    t.write((firstId + i - 1) + "\tVIP\n");
                }
            }
            s.execute("load data local infile '" + tagFile + "' into table customer_tag (customer_id, tag)"
                    + " set tenant_id = " + tenant.value());
            s.execute("load data local infile '" + orderFile + "' into table customer_order"
                    + " (order_no, @customer, ordered_at, order_date, amount) set tenant_id = " + tenant.value()
                    + ", customer_id = @customer + " + (firstId - 1) + ", quantity = 1, status = 'COMPLETED',"
                    + " created_at = utc_timestamp(6)");
            s.execute("analyze table customer, customer_tag, customer_order");
        } finally {
            for (Path p : Arrays.asList(customerFile, orderFile, tagFile)) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }
}
