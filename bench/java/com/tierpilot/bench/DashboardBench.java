package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.analytics.DashboardService;
import com.tierpilot.analytics.DashboardSnapshot;
import com.tierpilot.analytics.ui.DashboardCharts;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationPublished;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.CustomerFigures;
import com.tierpilot.tenant.ProvisionedTenant;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantProvisioningService;
import com.vaadin.flow.i18n.I18NProvider;
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
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard at 1,000,000 customers (1 to 6 orders each over two years, about 2.5 million orders) on MariaDB,
 * after two recomputes four weeks apart. Measures:
 * <ul>
 *   <li>the dashboard's server time: {@link DashboardService#current} and every chart's option built and written as
 *       JSON, as the view does it (p50, p95, max of 50 after a warm-up);</li>
 *   <li>the time the read models add to a recompute: the listener run again on the published run;</li>
 * </ul>
 * Baselines in the same run: (a) aggregating the run's per-customer results on page load, one GROUP BY over the
 * 1,000,000 rows, as a dashboard without read models would; (b) the previous dashboard's KPI query over the orders
 * ({@link CustomerFigures#of}, the query the dashboard ran before its read models).
 */
public final class DashboardBench {

    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
    private static final String[] REGIONS = {"上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "福建", "山东", "河南"};

    public static void main(String[] args) throws Exception {
        int size = 1_000_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--customers")) {
                size = Integer.parseInt(args[i + 1]);
            }
        }
        String schema = "tp_dash_bench";
        String url = BenchDatabase.recreate(schema);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "server.port=0", "tierpilot.demo.enabled=false", "spring.quartz.auto-startup=false",
                        "tierpilot.prediction.after-recompute=false", "logging.level.root=WARN",
                        "logging.level.com.tierpilot.analytics=INFO", "logging.level.com.tierpilot.segmentation=INFO")
                .run()) {
            ProvisionedTenant tenant = app.getBean(TenantProvisioningService.class).createTenant(new SignUpCommand(
                    "Dashboard Shop", "bench", "dashboard@bench.example.com", "bench-password-1",
                    ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"), SupportedLocales.ENGLISH));
            TenantId t = tenant.tenantId();
            long load = System.nanoTime();
            long orders = generate(schema, t, size);
            System.out.printf("Loaded %,d customers and %,d orders in %.0f s%n", size, orders,
                    (System.nanoTime() - load) / 1e9);
            SegmentationService segmentation = app.getBean(SegmentationService.class);
            long started = System.nanoTime();
            segmentation.runNow(t, AS_OF.minusWeeks(4), RunTrigger.MANUAL);
            System.out.printf("Recompute 1 (with read models): %.1f s%n", (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            RunStatus second = segmentation.runNow(t, AS_OF, RunTrigger.MANUAL);
            System.out.printf("Recompute 2 (with read models): %.1f s%n", (System.nanoTime() - started) / 1e9);

            // The read models of the published run, computed again as the listener does at the end of a run.
            List<Double> readModels = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                started = System.nanoTime();
                // "Follow-ups chained": the predictions are left to the (absent) pipeline, so only the read models run.
                app.publishEvent(new SegmentationPublished(t, second.id(), AS_OF, true));
                readModels.add((System.nanoTime() - started) / 1e6);
            }

            DashboardService dashboards = app.getBean(DashboardService.class);
            I18NProvider i18n = app.getBean(I18NProvider.class);
            DashboardCharts.Labels labels = (key, params) -> i18n.getTranslation(key, Locale.ENGLISH, params);
            for (int i = 0; i < 30; i++) {
                render(dashboards, t, labels);
            }
            List<Double> dashboard = new ArrayList<>();
            int json = 0;
            for (int i = 0; i < 50; i++) {
                started = System.nanoTime();
                json = render(dashboards, t, labels);
                dashboard.add((System.nanoTime() - started) / 1e6);
            }
            List<Double> aggregate = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                started = System.nanoTime();
                aggregateOnLoad(schema, t, second.id());
                aggregate.add((System.nanoTime() - started) / 1e6);
            }
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<Double> kpis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                started = System.nanoTime();
                CustomerFigures.of(jdbc, t, AS_OF);
                kpis.add((System.nanoTime() - started) / 1e6);
            }
            double p95 = percentile(dashboard, 95);
            System.out.printf("Read models of one run (listener, compute + write): median %.0f ms (runs: %s)%n",
                    percentile(readModels, 50), readModels.stream().map(d -> String.format("%.0f", d)).toList());
            System.out.printf("Dashboard server time (read + 10 chart options, %,d chars of JSON): p50 %.1f ms, p95 %.1f"
                    + " ms, max %.1f ms%n", json, percentile(dashboard, 50), p95, percentile(dashboard, 100));
            System.out.printf("Baseline (a) GROUP BY over the run's %,d results on load: median %.0f ms; ratio of the"
                    + " dashboard's p95 to it %.4f%n", size, percentile(aggregate, 50), p95 / percentile(aggregate, 50));
            System.out.printf("Baseline (b) previous dashboard's KPI query over the orders: median %.0f ms; ratio %.4f%n",
                    percentile(kpis, 50), p95 / percentile(kpis, 50));
        }
    }

    /** What the dashboard view computes on the server: the snapshot, and every chart's option as JSON. */
    private static int render(DashboardService dashboards, TenantId tenant, DashboardCharts.Labels labels) {
        DashboardSnapshot snapshot = dashboards.current(tenant).orElseThrow();
        var charts = new DashboardCharts(snapshot, labels, Locale.ENGLISH, "CNY");
        int chars = charts.tiers().toString().length() + charts.segments().toString().length()
                + charts.pareto().toString().length() + charts.heatmap().toString().length()
                + charts.lifecycle().toString().length();
        for (String scheme : List.of("RFM", "ABC", "LIFECYCLE")) {
            chars += charts.migration(scheme).toString().length();
        }
        chars += charts.trend("RFM").toString().length() + charts.trend("ABC").toString().length();
        return chars;
    }

    private static void aggregateOnLoad(String schema, TenantId tenant, long run) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); PreparedStatement ps = c.prepareStatement("""
                select abc_tier, rfm_segment, lifecycle, r_score, f_score, count(*), sum(monetary)
                  from customer_segment where tenant_id = ? and run_id = ?
                 group by abc_tier, rfm_segment, lifecycle, r_score, f_score""")) {
            ps.setLong(1, tenant.value());
            ps.setLong(2, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(6);
                }
            }
        }
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Customers with 1 to 6 orders each (fewer more likely) over the 700 days before AS_OF; returns the orders. */
    private static long generate(String schema, TenantId tenant, int customers) throws Exception {
        Path dir = Files.createTempDirectory("tierpilot-dashboard");
        Path customerFile = dir.resolve("customers.tsv");
        Path orderFile = dir.resolve("orders.tsv");
        Random random = new Random(23);
        long orders = 0;
        try (BufferedWriter c = Files.newBufferedWriter(customerFile, StandardCharsets.UTF_8);
                BufferedWriter o = Files.newBufferedWriter(orderFile, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= customers; i++) {
                c.write("D" + i + "\tCustomer " + i + "\t" + REGIONS[i % REGIONS.length] + "\t"
                        + LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)) + "\n");
                double spend = Math.exp(random.nextGaussian() + 5);
                int count = 1 + (int) Math.min(5, -Math.log(1 - random.nextDouble()) * 1.5);
                int latest = 1 + random.nextInt(700);
                for (int k = 0; k < count; k++) {
                    LocalDate day = AS_OF.minusDays(latest + random.nextInt(700 - latest + 1));
                    o.write(i + "-" + k + "\t" + i + "\t" + day + " 12:00:00\t" + day + "\t"
                            + String.format("%.2f", spend * (0.5 + random.nextDouble())) + "\n");
                    orders++;
                }
            }
        }
        try (Connection conn = BenchDatabase.loadingConnection(schema); Statement s = conn.createStatement()) {
            s.execute("set session foreign_key_checks = 0");
            s.execute("load data local infile '" + customerFile + "' into table customer"
                    + " (code, name, region, created_on) set tenant_id = " + tenant.value()
                    + ", marketing_consent = true, created_at = utc_timestamp(6), updated_at = utc_timestamp(6)");
            long firstId;
            try (ResultSet rs = s.executeQuery("select min(id) from customer where tenant_id = " + tenant.value())) {
                rs.next();
                firstId = rs.getLong(1);
            }
            s.execute("load data local infile '" + orderFile + "' into table customer_order"
                    + " (order_no, @customer, ordered_at, order_date, amount) set tenant_id = " + tenant.value()
                    + ", customer_id = @customer + " + (firstId - 1) + ", quantity = 1, status = 'COMPLETED',"
                    + " created_at = utc_timestamp(6)");
            s.execute("analyze table customer, customer_order");
        } finally {
            Files.deleteIfExists(customerFile);
            Files.deleteIfExists(orderFile);
            Files.deleteIfExists(dir);
        }
        return orders;
    }
}
