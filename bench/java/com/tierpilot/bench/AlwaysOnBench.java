package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.AlwaysOnCampaignService;
import com.tierpilot.campaign.AlwaysOnCoupon;
import com.tierpilot.campaign.AlwaysOnDefinition;
import com.tierpilot.campaign.AlwaysOnTrigger;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.campaign.ExitCondition;
import com.tierpilot.campaign.JourneyStep;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An always-on campaign's night at 1,000,000 customers (1 to 6 orders each over two years) on MariaDB: customers
 * entering "at risk" (no order for more than 90 days) are enrolled. One night apart, as the nightly run goes:
 * recompute 1 as of the day before, the campaign is switched on, recompute 2 as of the night. A one-day sale (Double
 * 11, 2024-11-11) was the last order of a share of the customers ({@code --sale-share}, 5% by default); the night is
 * 91 days after it, so those customers pass 90 days without an order that night and enter "at risk" together with
 * the customers of the other days whose last order was that day (about 1 in 700). Measures the always-on step of that
 * night (enrolment with the holdout, the first steps: a coupon code each and double points for the target entrants)
 * and the same night run again (nothing to do), against recompute 2 of the same run. {@code --gap-days} puts more
 * days between the recomputes (the last session's measure).
 */
public final class AlwaysOnBench {

    /** The night: 91 days after the Double 11 sale. */
    private static final LocalDate AS_OF = LocalDate.of(2025, 2, 10);
    private static final int SALE_DAYS_AGO = 91;
    private static final String[] REGIONS = {"上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "福建", "山东", "河南"};

    public static void main(String[] args) throws Exception {
        int size = 1_000_000;
        int gap = 1;
        double saleShare = 0.05;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--customers")) {
                size = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--gap-days")) {
                gap = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--sale-share")) {
                saleShare = Double.parseDouble(args[i + 1]);
            }
        }
        String schema = "tp_always_on_bench";
        String url = BenchDatabase.recreate(schema);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierPilotApplication.class)
                .web(WebApplicationType.SERVLET).profiles("mysql")
                .properties("TIERPILOT_DB_URL=" + url, "TIERPILOT_DB_USER=root", "TIERPILOT_DB_PASSWORD=",
                        "server.port=0", "tierpilot.demo.enabled=false", "spring.quartz.auto-startup=false",
                        "tierpilot.prediction.after-recompute=false", "logging.level.root=WARN",
                        "logging.level.com.tierpilot.campaign=INFO", "logging.level.com.tierpilot.segmentation=INFO")
                .run()) {
            BenchTenant tenant = BenchTenant.signUp(app, "Always-on Shop", "always-on@bench.example.com");
            TenantId t = tenant.id();
            TierPilotUser user = tenant.owner();
            long load = System.nanoTime();
            long orders = generate(schema, t, size, saleShare);
            System.out.printf("Loaded %,d customers and %,d orders in %.0f s (the sale on %s was the last order of"
                    + " %,d customers)%n", size, orders, (System.nanoTime() - load) / 1e9,
                    AS_OF.minusDays(SALE_DAYS_AGO), count(schema, "select count(*) from (select customer_id"
                            + " from customer_order where tenant_id = " + t.value() + " group by customer_id"
                            + " having max(order_date) = '" + AS_OF.minusDays(SALE_DAYS_AGO) + "') l"));
            SegmentationService segmentation = app.getBean(SegmentationService.class);
            long started = System.nanoTime();
            segmentation.runNow(t, AS_OF.minusDays(gap), RunTrigger.MANUAL);
            System.out.printf("Recompute 1 (as of %s): %.1f s%n", AS_OF.minusDays(gap),
                    (System.nanoTime() - started) / 1e9);

            AlwaysOnCampaignService alwaysOn = app.getBean(AlwaysOnCampaignService.class);
            long campaign = alwaysOn.create(t, user.userId(), "Win back at risk", null, new AlwaysOnDefinition(
                    AlwaysOnTrigger.SEGMENT, "LIFECYCLE", "at_risk", null, null, 10, null,
                    Set.of(ExitCondition.BOUGHT), 30, List.of(JourneyStep.coupon(0, false),
                            JourneyStep.doublePoints(0, false, 14)), new AlwaysOnCoupon(DiscountType.FIXED,
                            new BigDecimal("20"), null, BigDecimal.ZERO, "WB", 30)), null);
            alwaysOn.switchOn(t, campaign);

            started = System.nanoTime();
            RunStatus second = segmentation.runNow(t, AS_OF, RunTrigger.SCHEDULE);
            double recompute = (System.nanoTime() - started) / 1e9;
            System.out.printf("Recompute 2 (as of %s, %,d changes): %.1f s%n", AS_OF, second.changes(), recompute);

            started = System.nanoTime();
            AlwaysOnCampaignService.NightResult night = alwaysOn.night(t, AS_OF);
            double seconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            AlwaysOnCampaignService.NightResult again = alwaysOn.night(t, AS_OF);
            double rerun = (System.nanoTime() - started) / 1e9;
            long codes = count(schema, "select count(*) from coupon_code where tenant_id = " + t.value());
            System.out.printf("Always-on night: %,d entered (%,d control), %,d steps done (%,d codes) in %.1f s;"
                    + " ratio to recompute 2: %.3f%n", night.entered(), night.control(), night.stepsDone(), codes,
                    seconds, seconds / recompute);
            System.out.printf("The same night again (retry, nothing to do: %,d entered, %,d steps): %.2f s%n",
                    again.entered(), again.stepsDone(), rerun);
        }
    }

    private static long count(String schema, String sql) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(schema); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Customers with 1 to 6 orders each (fewer more likely) over the 700 days before AS_OF, the latest on a random
     * day, or for a share {@code saleShare} of them on the sale day; returns the orders.
     */
    private static long generate(String schema, TenantId tenant, int customers, double saleShare) throws Exception {
        Path dir = Files.createTempDirectory("tierpilot-always-on");
        Path customerFile = dir.resolve("customers.tsv");
        Path orderFile = dir.resolve("orders.tsv");
        Random random = new Random(29);
        long orders = 0;
        try (BufferedWriter c = Files.newBufferedWriter(customerFile, StandardCharsets.UTF_8);
                BufferedWriter o = Files.newBufferedWriter(orderFile, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= customers; i++) {
                c.write("D" + i + "\tCustomer " + i + "\t" + REGIONS[i % REGIONS.length] + "\t"
                        + LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)) + "\n");
                double spend = Math.exp(random.nextGaussian() + 5);
                int count = 1 + (int) Math.min(5, -Math.log(1 - random.nextDouble()) * 1.5);
                boolean sale = random.nextDouble() < saleShare;
                int latest = sale ? SALE_DAYS_AGO : 1 + random.nextInt(700);
                for (int k = 0; k < count; k++) {
                    LocalDate day = AS_OF.minusDays(sale && k == 0 ? latest
                            : latest + random.nextInt(700 - latest + 1));
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
