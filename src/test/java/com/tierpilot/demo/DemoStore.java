package com.tierpilot.demo;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.tenant.TenantProvisioning;
import com.tierpilot.tenant.security.Principals;
import java.time.Clock;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo tenant for tests of other modules: seeded as on a first start (once), and its owner. */
public record DemoStore(TenantProvisioning provisioning, CustomerBulkService customers,
        TransactionTemplate transaction, SegmentationService segmentation, Principals principals, Clock clock) {

    /** Seeds the demo tenant unless it exists, and returns it. */
    public TenantId seeded() {
        new DemoDataSeeder(provisioning, customers, transaction, segmentation, clock)
                .run(new DefaultApplicationArguments());
        return provisioning.tenantOfLogin(DemoDataSeeder.OWNER).orElseThrow();
    }

    public TierPilotUser owner() {
        TierPilotUser owner = principals.forLogin(DemoDataSeeder.OWNER).orElseThrow();
        owner.eraseCredentials();
        return owner;
    }
}
