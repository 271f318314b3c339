package com.tierpilot.demo;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.TestTenants;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.security.Principals;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo tenant for tests of other modules: seeded as on a first start (once), and its owner. */
public record DemoStore(TenantProvisioningService provisioning, CustomerBulkService customers,
        TransactionTemplate transaction, SegmentationService segmentation, Principals principals, Clock clock) {

    /** Seeds the demo tenant unless it exists, and returns it. */
    public TenantId seeded() {
        new DemoDataSeeder(provisioning, customers, transaction, segmentation, clock)
                .run(new DefaultApplicationArguments());
        return provisioning.tenantOfLogin(DemoDataSeeder.OWNER).orElseThrow();
    }

    /**
     * Fills a company of the test's own with what the demo tenant holds on its first start: four account managers, the
     * same generated 2,000 customers and their orders (seed 42), and the recomputes as of eight and four weeks ago and
     * today. For tests that change what they find: the demo tenant itself is one per test context, and other tests
     * check it as a first start leaves it.
     */
    public TenantId copyInto(TenantId tenant) {
        List<UserId> managers = new ArrayList<>();
        for (int i = 0; i < DemoDataSeeder.MANAGERS.size(); i++) {
            managers.add(provisioning.addUser(tenant, "am" + i + "-" + UUID.randomUUID() + "@example.com",
                    "Manager " + i, TestTenants.PASSWORD, Role.ACCOUNT_MANAGER, SupportedLocales.CHINESE));
        }
        LocalDate today = segmentation.today(tenant);
        var data = new DemoDataGenerator(42, today.minusDays(1)).generate(2000, 20000, managers);
        for (int from = 0; from < data.customers().size(); from += 1000) {
            customers.upsertCustomers(tenant, data.customers().subList(from, Math.min(from + 1000,
                    data.customers().size())));
        }
        for (int from = 0; from < data.orders().size(); from += 1000) {
            customers.upsertOrders(tenant, data.orders().subList(from, Math.min(from + 1000, data.orders().size())));
        }
        for (int weeksAgo : new int[] {8, 4}) {
            segmentation.runNow(tenant, today.minusWeeks(weeksAgo), RunTrigger.MANUAL);
        }
        segmentation.runNow(tenant, null, RunTrigger.MANUAL);
        return tenant;
    }

    public TierPilotUser owner() {
        TierPilotUser owner = principals.forLogin(DemoDataSeeder.OWNER).orElseThrow();
        owner.eraseCredentials();
        return owner;
    }
}
