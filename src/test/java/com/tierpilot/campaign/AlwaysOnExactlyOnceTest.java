package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.followup.RevisitPlans;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.Concurrently;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            people.add(new CustomerRecord("EO" + i, "Customer " + i, null, null, null, null, null, null, null, null,
                    null, Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of()));
            for (int o = 0; o < 2; o++) {
                orders.add(new OrderRecord("EO" + i + "-" + o, "EO" + i, today.minusDays(85 + 30L * o).atTime(10, 0),
                        new BigDecimal("120"), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        long id = alwaysOn.create(shop.id(), shop.owner().userId(), "Everything at once", null,
                new AlwaysOnDefinition(AlwaysOnTrigger.SEGMENT, "LIFECYCLE", "at_risk", null, null, 20, null,
                        Set.of(ExitCondition.BOUGHT), 14, List.of(JourneyStep.coupon(0, false),
                                JourneyStep.doublePoints(0, false, 7), JourneyStep.revisit(0, false, plan)),
                        new AlwaysOnCoupon(DiscountType.FIXED, BigDecimal.TEN, null, BigDecimal.ZERO, "EO", 30)),
                null);
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
        var retry = alwaysOn.night(shop.id(), night);

        assertThat(retry.entered()).as("nothing left to enrol").isZero();
        assertThat(retry.stepsDone()).as("nothing left to do").isZero();
        List<AlwaysOnEntry> entries = alwaysOn.entries(shop.id(), id, 0, 1000);
        assertThat(entries).hasSize(CUSTOMERS);
        assertThat(entries).extracting(AlwaysOnEntry::customerId).doesNotHaveDuplicates();
        List<AlwaysOnEntry> target = entries.stream().filter(e -> !e.control()).toList();
        assertThat(target).allMatch(e -> e.stepsDone() == 3);
        assertThat(entries).filteredOn(AlwaysOnEntry::control).allMatch(e -> e.stepsDone() == 0);
        assertThat(campaigns.countCodes(shop.id(), id)).as("one code per target entrant").isEqualTo(target.size());
        assertThat(campaigns.revisitTasks(shop.id(), id).open()).as("one task per target entrant")
                .isEqualTo(target.size());
        var bonus = points.overlapping(shop.id(), clock.instant().minus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(1))).stream().filter(b -> b.campaignId() == id).findFirst()
                .orElseThrow();
        assertThat(bonus.windows().keySet()).isEqualTo(target.stream().map(AlwaysOnEntry::customerId)
                .collect(Collectors.toSet()));
        assertThat(bonus.windows().values()).as("one double-points window each").allMatch(w -> w.size() == 1);
        var cohort = alwaysOn.results(shop.id(), id).getFirst();
        assertThat(cohort.target().entrants()).isEqualTo(target.size());
        assertThat(cohort.control().entrants()).isEqualTo(CUSTOMERS - target.size());
    }
}
