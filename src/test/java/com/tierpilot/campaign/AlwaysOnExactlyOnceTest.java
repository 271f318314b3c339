package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.followup.RevisitPlans;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.Concurrently;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The same night of an always-on campaign run by six callers at once (three nodes, each retrying), on the suite's
 * database (H2, or MySQL/MariaDB in the MySQL suite): every entrant is enrolled once and every step (a code, double
 * points, a revisit task) is done once per entry, however the callers interleave; a caller that lost a race is the
 * pipeline's retry, and a night run after them all finds nothing left to do.
 */
@IntegrationTest
class AlwaysOnExactlyOnceTest {

    private static final Logger log = LoggerFactory.getLogger(AlwaysOnExactlyOnceTest.class);
    private static final int CUSTOMERS = 40;

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    TenantService tenantService;
    @Autowired
    AlwaysOnCampaigns alwaysOn;
    @Autowired
    Campaigns campaigns;
    @Autowired
    PointsCampaigns points;
    @Autowired
    RevisitPlans plans;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void sixCallersOfOneNightEnrolEachEntrantOnceAndDoEachStepOnce() throws Exception {
        TestTenant shop = tenants.signUp("Exactly Once Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        long plan = plans.addAbcPresets(shop.id()).getFirst().id();
        LocalDate today = tenantService.today(shop.id());
        var fixture = new ExactlyOnceNight(customers, alwaysOn, campaigns, points);
        fixture.customersWithTwoOrders(shop, "EO", CUSTOMERS, today, 85);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        long id = fixture.everythingAtOnce(shop, "Everything at once", plan, "EO");
        alwaysOn.switchOn(shop.id(), id);
        clock.advance(Duration.ofDays(10));
        LocalDate night = tenantService.today(shop.id());
        segmentation.runNow(shop.id(), night, RunTrigger.SCHEDULE);

        var auth = SecurityContextHolder.getContext();
        List<Callable<String>> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            callers.add(() -> {
                SecurityContextHolder.setContext(auth);
                try {
                    var done = alwaysOn.night(shop.id(), night);
                    return "entered " + done.entered() + ", steps " + done.stepsDone();
                } catch (RuntimeException lostARace) {
                    log.info("A caller failed, as a node's run may; the pipeline retries it", lostARace);
                    return "failed: " + lostARace.getClass().getSimpleName();
                }
            });
        }
        List<String> outcomes = Concurrently.all(callers);
        log.info("Six callers of one night: {}", outcomes);
        fixture.assertEachEnteredOnceAndEachStepDoneOnce(shop, id, night, CUSTOMERS, clock.instant());
    }
}
