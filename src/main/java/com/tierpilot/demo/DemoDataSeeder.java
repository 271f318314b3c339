package com.tierpilot.demo;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.BulkResult;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.tenant.ProvisionedTenant;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantProvisioningService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo tenant on the first start of the default profile and logs its logins. Idempotent: when the demo
 * owner exists, it only logs the logins again. The seeding is one transaction, so a failed start leaves nothing half
 * seeded. On every start it also replaces the demo tenant's API token and logs the new one, on a line of its own,
 * so that the README's curl examples work at once: only hashes are stored, so the old token cannot be shown again.
 * It runs only where the demo is enabled ({@code tierpilot.demo.enabled}: on in the default profile, off in
 * production); the demo token is no more secret than the demo logins, which are logged and in the README anyway.
 */
@Component
@ConditionalOnProperty(name = "tierpilot.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    static final String TENANT_NAME = "Demo Store";
    static final String PASSWORD = "TierPilot-demo-2026";
    static final String OWNER = "owner@demo.tierpilot.cn";
    static final String MARKETER = "marketer@demo.tierpilot.cn";
    static final List<String> MANAGERS = List.of("am.east@demo.tierpilot.cn", "am.south@demo.tierpilot.cn",
            "am.north@demo.tierpilot.cn", "am.west@demo.tierpilot.cn");
    private static final List<String> MANAGER_NAMES = List.of("王磊", "李娜", "张伟", "刘洋");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 1000;
    static final String API_TOKEN_NAME = "Demo API token";

    private final TenantProvisioningService provisioning;
    private final CustomerBulkService customers;
    private final TransactionTemplate transaction;
    private final SegmentationService segmentation;
    private final Clock clock;

    DemoDataSeeder(TenantProvisioningService provisioning, CustomerBulkService customers, TransactionTemplate transaction,
            SegmentationService segmentation, Clock clock) {
        this.provisioning = provisioning;
        this.segmentation = segmentation;
        this.customers = customers;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (provisioning.tenantOfLogin(OWNER).isEmpty()) {
            transaction.executeWithoutResult(status -> seed());
        }
        logLogins();
        TenantId demo = provisioning.tenantOfLogin(OWNER).orElseThrow();
        if (segmentation.currentRun(demo).isEmpty()) {
            // A demo shows its segments, churn list and predictions at once, not after the first night; two earlier
            // runs, four weeks apart, give the dashboard's trend and its moves between segments something to show.
            LocalDate today = segmentation.today(demo);
            for (int weeksAgo : new int[] {8, 4}) {
                log.info("Demo Store: recompute as of {} weeks ago, {}", weeksAgo,
                        segmentation.runNow(demo, today.minusWeeks(weeksAgo), RunTrigger.MANUAL).state());
            }
            log.info("Demo Store: recompute as of today, {}",
                    segmentation.runNow(demo, null, RunTrigger.MANUAL).state());
        }
        String token = provisioning.replaceApiToken(demo, API_TOKEN_NAME).token();
        log.info("Demo API token: {}", token);
    }

    private void seed() {
        long started = System.nanoTime();
        ProvisionedTenant tenant = provisioning.createTenant(new SignUpCommand(TENANT_NAME, "赵明", OWNER, PASSWORD,
                ZONE, Currency.getInstance("CNY"), SupportedLocales.CHINESE));
        TenantId id = tenant.tenantId();
        provisioning.addUser(id, MARKETER, "陈静", PASSWORD, Role.MARKETER, SupportedLocales.CHINESE);
        List<UserId> managers = new ArrayList<>();
        for (int i = 0; i < MANAGERS.size(); i++) {
            managers.add(provisioning.addUser(id, MANAGERS.get(i), MANAGER_NAMES.get(i), PASSWORD,
                    Role.ACCOUNT_MANAGER, SupportedLocales.CHINESE));
        }
        LocalDate yesterday = LocalDate.now(clock.withZone(ZONE)).minusDays(1);
        DemoDataGenerator.DemoData data = new DemoDataGenerator(42, yesterday).generate(2000, 20000, managers);
        BulkResult written = new BulkResult(0, 0);
        for (List<CustomerRecord> batch : batches(data.customers())) {
            written = written.plus(customers.upsertCustomers(id, batch));
        }
        BulkResult orders = new BulkResult(0, 0);
        for (List<OrderRecord> batch : batches(data.orders())) {
            orders = orders.plus(customers.upsertOrders(id, batch));
        }
        log.info("Seeded the demo tenant {} with {} customers and {} orders in {} ms", id, written.created(),
                orders.created(), (System.nanoTime() - started) / 1_000_000);
    }

    private void logLogins() {
        log.info("Demo logins (password for all: {}):", PASSWORD);
        log.info("Demo login, owner:            {}", OWNER);
        log.info("Demo login, marketer:         {}", MARKETER);
        MANAGERS.forEach(m -> log.info("Demo login, account manager:  {}", m));
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return batches;
    }
}
