package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerSearchService;
import com.tierpilot.customer.CustomerSort;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * offsets 0 to 5,000, each with its capped count: every filter kind of issue 21 (region, tag, manager, RFM segment,
 * ABC tier, lifecycle, rule segment, region + tier) and the text searches, each in every sort, both directions, at
 * offsets 0, 50, 500, 1,000 and 5,000. Baseline in the same run: a page of 50 customers read by primary key. Prints
 * the buffer pool and the data's size, p50 and p95 per kind of query and over all filtered pages, the worst page per
 * (filter, sort), and the ratio to the baseline's p95. {@code --customers N}, {@code --schema name}; with
 * {@code --sized-pool-mb M} the same again with the server's buffer pool resized to M MB (twice: cold, then warm),
 * and set back to what it was at the end (a global setting of the shared server); {@code --reuse true} measures the
 * data an earlier run left in the schema (no load, no recompute), {@code --passes N} measures N times.
 */
public final class CustomerGridBench {

    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
    private static final String[] REGIONS = {"上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "福建", "山东", "河南"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};

    public static void main(String[] args) throws Exception {
        int size = 1_000_000;
        int pool = 0;
        boolean reusing = false;
        int passCount = 1;
        String schemaName = "tierpilot_bench_grid";
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--customers")) {
                size = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--schema")) {
                schemaName = args[i + 1];
            } else if (args[i].equals("--reuse")) {
                reusing = Boolean.parseBoolean(args[i + 1]);
            } else if (args[i].equals("--passes")) {
                passCount = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--sized-pool-mb")) {
                pool = Integer.parseInt(args[i + 1]);
            }
        }
        int customers = size;
        int sizedPoolMb = pool;
        boolean reuse = reusing;
        int passes = passCount;
        String schema = schemaName;
        String url = reuse ? BenchDatabase.url(schema) : BenchDatabase.recreate(schema);
        // application.properties sets server.port from PORT, over the builder's defaults: any free port.
        System.setProperty("server.port", "0");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "server.port=0", "tierpilot.demo.enabled=false", "spring.quartz.auto-startup=false",
                        "tierpilot.prediction.after-recompute=false", "logging.level.root=WARN")
                .run()) {
            TenantId t;
            long managers;
            String rule;
            if (reuse) {
                // The data of an earlier run of this benchmark on the same schema (loaded and recomputed).
                try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select t.id, u.id, r.seg_key from tenant t"
                                + " join user_account u on u.tenant_id = t.id join rule_segment r on r.tenant_id = t.id"
                                + " where t.name = 'Grid Shop'")) {
                    rs.next();
                    t = new TenantId(rs.getLong(1));
                    managers = rs.getLong(2);
                    rule = rs.getString(3);
                }
            } else {
                BenchTenant tenant = BenchTenant.signUp(app, "Grid Shop", "grid@bench.example.com");
                managers = tenant.owner().userId().value();
                t = tenant.id();
                long load = System.nanoTime();
                generate(schema, t, customers, managers);
                System.out.printf("Loaded %,d customers in %.0f s%n", customers, (System.nanoTime() - load) / 1e9);
                // A rule segment of about 5% of the customers (one region's A and B tiers).
                rule = app.getBean(RuleSegmentService.class).create(t, tenant.owner().userId(), "Shanghai A/B",
                        new RuleNode.Group(RuleNode.Logic.AND, List.of(
                                new RuleNode.Condition(RuleField.REGION, RuleOperator.EQUALS, List.of(REGIONS[0]), null),
                                new RuleNode.Condition(RuleField.ABC_TIER, RuleOperator.IN, List.of("A", "B"), null))))
                        .key();
                long run = System.nanoTime();
                app.getBean(SegmentationService.class).runNow(t, AS_OF, RunTrigger.MANUAL);
                System.out.printf("Recomputed in %.0f s%n", (System.nanoTime() - run) / 1e9);
            }
            printSizes(schema, t);

            CustomerSearchService search = app.getBean(CustomerSearchService.class);
            List<String> rfmSegments = rfmSegments(schema, t);
            Map<String, Supplier<CustomerFilter>> filters = new LinkedHashMap<>();
            Random random = new Random(3);
            filters.put("no filter", () -> CustomerFilter.NONE);
            filters.put("region", () -> new CustomerFilter(null, REGIONS[random.nextInt(REGIONS.length)], null,
                    null, null, null, null, null));
            filters.put("tag", () -> new CustomerFilter(null, null, "VIP", null, null, null, null, null));
            filters.put("manager", () -> new CustomerFilter(null, null, null, managers, null, null, null, null));
            filters.put("rfm segment", () -> new CustomerFilter(null, null, null, null,
                    rfmSegments.get(random.nextInt(rfmSegments.size())), null, null, null));
            filters.put("abc tier", () -> new CustomerFilter(null, null, null, null, null,
                    new String[] {"A", "B", "C"}[random.nextInt(3)], null, null));
            filters.put("lifecycle", () -> new CustomerFilter(null, null, null, null, null, null,
                    new String[] {"active", "at_risk", "churned", "new"}[random.nextInt(4)], null));
            filters.put("rule segment", () -> new CustomerFilter(null, null, null, null, null, null, null, rule));
            filters.put("region + tier", () -> new CustomerFilter(null, REGIONS[random.nextInt(REGIONS.length)],
                    null, null, null, "A", null, null));
            filters.put("code search", () -> new CustomerFilter("G" + (1 + random.nextInt(customers)), null, null,
                    null, null, null, null, null));
            filters.put("name search", () -> new CustomerFilter(SURNAMES[random.nextInt(SURNAMES.length)]
                    + (char) ('一' + random.nextInt(200)), null, null, null, null, null, null, null));
            // Warm-up.
            for (int i = 0; i < 10; i++) {
                for (var f : filters.entrySet()) {
                    if (i < 2 || !f.getKey().endsWith("search")) {
                        search.page(t, f.getValue().get(), CustomerSort.CODE, true, 0, 50);
                    }
                }
            }
            for (int pass = 1; pass <= passes; pass++) {
                measure("buffer pool " + (poolBytes(schema) >> 20) + " MB, pass " + pass, schema, t, customers, search,
                        filters, random);
            }
            if (sizedPoolMb > 0) {
                long original = poolBytes(schema);
                try {
                    setPool(schema, (long) sizedPoolMb << 20);
                    measure("buffer pool " + sizedPoolMb + " MB, first pass (cold)", schema, t, customers, search,
                            filters, random);
                    measure("buffer pool " + sizedPoolMb + " MB, second pass", schema, t, customers, search, filters,
                            random);
                } finally {
                    setPool(schema, original);
                    System.out.printf("Buffer pool set back to %,d bytes%n", poolBytes(schema));
                }
            }
        }
    }

    /**
     * Every filter in every sort, both directions, at every offset, shuffled; a page of 50 and its capped count each.
     */
    private static void measure(String label, String schema, TenantId t, int customers, CustomerSearchService search,
            Map<String, Supplier<CustomerFilter>> filters, Random random) throws Exception {
        System.out.println("== " + label);
        CustomerSort[] sorts = CustomerSort.values();
        int[] offsets = {0, 50, 500, 1000, 5000};
        List<Double> baseline = baseline(schema, t, customers);
        List<Double> all = new ArrayList<>();
        double base95 = percentile(baseline, 95);
        System.out.printf("Baseline (page of 50 by primary key): p50 %.1f ms, p95 %.1f ms%n",
                percentile(baseline, 50), base95);
        Map<String, Double> worstPerSort = new LinkedHashMap<>();
        for (var entry : filters.entrySet()) {
            List<Double> times = new ArrayList<>();
            List<int[]> cases = new ArrayList<>();
            for (int s = 0; s < sorts.length; s++) {
                for (int d = 0; d < 2; d++) {
                    for (int o : offsets) {
                        cases.add(new int[] {s, d, o});
                    }
                }
            }
            java.util.Collections.shuffle(cases, random);
            for (int[] c : cases) {
                CustomerFilter filter = entry.getValue().get();
                long start = System.nanoTime();
                search.page(t, filter, sorts[c[0]], c[1] == 0, c[2], 50);
                search.count(t, filter);
                double ms = (System.nanoTime() - start) / 1e6;
                times.add(ms);
                worstPerSort.merge(entry.getKey() + " / " + sorts[c[0]], ms, Math::max);
            }
            if (!entry.getKey().equals("no filter") && !entry.getKey().endsWith("search")) {
                all.addAll(times);
            }
            System.out.printf("%-14s page + count (%d): p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms, p95/baseline %.0f%n",
                    entry.getKey(), times.size(), percentile(times, 50), percentile(times, 95),
                    percentile(times, 100), percentile(times, 95) / base95);
        }
        worstPerSort.forEach((k, v) -> System.out.printf("  max %-28s %7.1f ms%n", k, v));
        System.out.printf("Filtered pages, search aside (%d queries): p50 %.1f ms, p95 %.1f ms, ratio of p95 to the"
                + " baseline's %.1f%n", all.size(), percentile(all, 50), percentile(all, 95),
                percentile(all, 95) / base95);
    }

    private static long poolBytes(String schema) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select @@innodb_buffer_pool_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Resizes the server's buffer pool (a global setting: other users of the server see it) and waits for it. */
    private static void setPool(String schema, long bytes) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement()) {
            s.execute("set global innodb_buffer_pool_size = " + bytes);
            for (int i = 0; i < 600 && poolBytes(schema) != bytes; i++) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
        }
    }

    /** The buffer pool and the size of the benchmark's data and indexes. */
    private static void printSizes(String schema, TenantId tenant) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement();
                ResultSet pool = s.executeQuery("select @@innodb_buffer_pool_size")) {
            pool.next();
            long poolBytes = pool.getLong(1);
            try (ResultSet rs = s.executeQuery("select table_name, data_length, index_length"
                    + " from information_schema.tables where table_schema = '" + schema + "'"
                    + " order by data_length + index_length desc limit 6")) {
                long total = 0;
                StringBuilder top = new StringBuilder();
                while (rs.next()) {
                    total += rs.getLong(2) + rs.getLong(3);
                    top.append(String.format(" %s %,d+%,d MB;", rs.getString(1), rs.getLong(2) >> 20,
                            rs.getLong(3) >> 20));
                }
                System.out.printf("Buffer pool %,d MB; largest tables (data+indexes):%s total %,d MB%n",
                        poolBytes >> 20, top, total >> 20);
            }
        }
    }

    /** The current run's RFM segments of 1-20% of the customers (the "small group" the list used to sort whole). */
    private static List<String> rfmSegments(String schema, TenantId tenant) throws Exception {
        List<String> segments = new ArrayList<>();
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select z.segment, z.customers * 1.0 / r.customers from segment_size z"
                        + " join segmentation_state st on st.tenant_id = z.tenant_id and st.current_run_id = z.run_id"
                        + " join segmentation_run r on r.tenant_id = z.tenant_id and r.id = z.run_id"
                        + " where z.tenant_id = " + tenant.value() + " and z.scheme = 'RFM' order by z.segment")) {
            StringBuilder shares = new StringBuilder();
            while (rs.next()) {
                shares.append(String.format(" %s %.1f%%", rs.getString(1), 100 * rs.getDouble(2)));
                if (rs.getDouble(2) >= 0.01 && rs.getDouble(2) <= 0.2) {
                    segments.add(rs.getString(1));
                }
            }
            System.out.println("RFM segments:" + shares + "; measured: " + segments);
        }
        return segments;
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
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.columns where table_schema = '"
                    + schema + "' and table_name = 'customer_tag' and column_name = 'created_on'")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    // The tags' copies of their customers' sort keys (V85), as the import writes them.
                    s.execute("update customer_tag t join customer c on c.tenant_id = t.tenant_id and c.id = t.customer_id"
                            + " set t.code = c.code, t.name = c.name, t.region = c.region, t.city = c.city,"
                            + " t.created_on = c.created_on where t.tenant_id = " + tenant.value());
                }
            }
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
