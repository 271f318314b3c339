package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.demo.DemoStore;
import com.tierpilot.revisit.RevisitPlan;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.revisit.TaskWindow;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.security.Principals;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sixty nights of the demo store with the clock moving on, two always-on campaigns on the customers who enter "at
 * risk": "win back" (20% holdout, once per customer; a coupon at entry, then a call task after 7 days unless the
 * coupon was redeemed) and "again after 30 days" (no holdout, re-entry after 30 days). Every third target entrant
 * of "win back" redeems the coupon with a purchase the night it gets it; one customer buys and cancels twice.
 */
@IntegrationTest
class AlwaysOnSixtyNightsTest {

    private static final Logger log = LoggerFactory.getLogger(AlwaysOnSixtyNightsTest.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal PURCHASE = new BigDecimal("300.00");

    @Autowired
    TenantProvisioningService provisioning;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    Principals principals;
    @Autowired
    MutableClock clock;
    @Autowired
    TenantService tenants;
    @Autowired
    AlwaysOnCampaignService alwaysOn;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CouponService coupons;
    @Autowired
    RevisitPlanService plans;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    TestTenants testTenants;

    @AfterEach
    void resetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void sixtyNightsEnrolOnceHoldOutTheControlCallOnlyNonRedeemersAndFollowTheReentryRule() {
        // The demo store's customers and orders in a company of this test's own: sixty nights change what they find.
        var company = testTenants.signUp("Demo Store, sixty nights");
        TenantId demo = new DemoStore(provisioning, customers, transaction, segmentation, principals, clock)
                .copyInto(company.id());
        TierPilotUser owner = company.owner();
        TestTenants.signIn(owner);
        RevisitPlan call = plans.addAbcPresets(demo).stream().filter(p -> "B".equals(p.segment())).findFirst()
                .orElseGet(() -> plans.list(demo).getFirst());
        AlwaysOnCoupon twenty = new AlwaysOnCoupon(DiscountType.FIXED, new BigDecimal("20"), null, BigDecimal.ZERO,
                "WB", 30);
        long winBack = alwaysOn.create(demo, owner.userId(), "Win back at risk", null, new AlwaysOnDefinition(
                AlwaysOnTrigger.SEGMENT, "LIFECYCLE", "at_risk", null, null, 20, null, Set.of(ExitCondition.BOUGHT),
                14, List.of(JourneyStep.coupon(0, false), JourneyStep.revisit(7, true, call.id())), twenty), null);
        long again = alwaysOn.create(demo, owner.userId(), "Again after 30 days", null, new AlwaysOnDefinition(
                AlwaysOnTrigger.SEGMENT, "LIFECYCLE", "at_risk", null, null, 0, 30, Set.of(ExitCondition.BOUGHT),
                14, List.of(JourneyStep.coupon(0, false)), new AlwaysOnCoupon(DiscountType.FIXED, BigDecimal.TEN,
                        null, BigDecimal.ZERO, "AG", 30)), null);
        alwaysOn.switchOn(demo, winBack);
        alwaysOn.switchOn(demo, again);

        Set<Long> redeemers = new HashSet<>();
        Map<Long, LocalDate> redeemedOn = new HashMap<>();
        Long mover = null;
        int moverNight = -1;
        LocalDate lastNight = null;
        for (int night = 1; night <= 60; night++) {
            clock.advance(Duration.ofDays(1));
            LocalDate today = tenants.today(demo);
            lastNight = today;
            segmentation.runNow(demo, today, RunTrigger.SCHEDULE);
            alwaysOn.night(demo, today);
            alwaysOn.night(demo, today); // a retried night does nothing twice

            for (var entry : entriesOn(demo, winBack, today)) {
                if (mover == null && !entry.control()) {
                    mover = entry.customerId();
                    moverNight = night;
                    continue;
                }
                if (!entry.control() && entry.customerId() % 3 == 0 && !entry.customerId().equals(mover)) {
                    String code = codeOf(demo, winBack, entry.customerId());
                    String orderNo = "WB-" + entry.customerId();
                    customers.upsertOrders(demo, List.of(order(orderNo, entry.customerCode(), OrderStatus.COMPLETED)));
                    coupons.redeem(demo, new RedemptionRequest(code, entry.customerCode(), orderNo, PURCHASE, null));
                    redeemers.add(entry.customerId());
                    redeemedOn.put(entry.customerId(), today);
                }
            }
            // The mover buys two nights after entering and cancels three nights later; again 35 nights later.
            if (mover != null) {
                String moverCode = queries.byId(demo, mover).orElseThrow().code();
                for (int offset : new int[] {2, 37}) {
                    if (night == moverNight + offset) {
                        customers.upsertOrders(demo, List.of(order("MOVE-" + offset, moverCode,
                                OrderStatus.COMPLETED)));
                    } else if (night == moverNight + offset + 3) {
                        customers.upsertOrders(demo, List.of(order("MOVE-" + offset, moverCode,
                                OrderStatus.CANCELLED)));
                    }
                }
            }
        }

        List<Entry> winBackEntries = entries(demo, winBack);
        List<Entry> againEntries = entries(demo, again);
        assertThat(winBackEntries).as("customers entered at risk over 60 nights").hasSizeGreaterThan(20);
        assertThat(moverNight).as("the mover entered early enough to come back twice").isBetween(1, 19);

        // Enrolled once, each in the group of the launch holdouts' hash.
        assertThat(winBackEntries).extracting(Entry::customerId).doesNotHaveDuplicates();
        assertThat(winBackEntries).allMatch(e -> e.control() == Holdout.isControl(winBack, e.customerId(), 20));
        assertThat(winBackEntries).filteredOn(Entry::control).as("some are held out").isNotEmpty();

        // Control gets nothing: no code, no task. Every target entrant got one code.
        Set<Long> codeHolders = new HashSet<>();
        campaigns.codes(demo, winBack, 0, 10_000).forEach(c -> codeHolders.add(
                queries.byCode(demo, c.customerCode()).orElseThrow().id()));
        Set<Long> target = winBackEntries.stream().filter(e -> !e.control()).map(Entry::customerId)
                .collect(Collectors.toSet());
        assertThat(codeHolders).isEqualTo(target);
        assertThat(campaigns.countCodes(demo, winBack)).isEqualTo(target.size());

        // Step 2, the call, only for target entrants who did not redeem, once their 7 days were over.
        LocalDate last = lastNight;
        Long moved = mover;
        Set<Long> expectedCalls = winBackEntries.stream().filter(e -> !e.control())
                .filter(e -> !e.enteredOn().isAfter(last.minusDays(7)))
                .filter(e -> !redeemers.contains(e.customerId()) && !e.customerId().equals(moved))
                .map(Entry::customerId).collect(Collectors.toSet());
        Set<Long> called = tasksOf(demo, owner, "Win back at risk").stream().map(RevisitTask::customerId)
                .collect(Collectors.toSet());
        assertThat(expectedCalls).as("some did not redeem").isNotEmpty();
        assertThat(called).isEqualTo(expectedCalls);

        // Re-entry: once ever in "win back"; again after 30 days in the other.
        assertThat(winBackEntries).filteredOn(e -> e.customerId().equals(moved)).hasSize(1);
        assertThat(againEntries).filteredOn(e -> e.customerId().equals(moved)).extracting(Entry::entryNo)
                .containsExactlyInAnyOrder(1, 2);
        assertThat(againEntries).filteredOn(e -> !e.customerId().equals(moved)).extracting(Entry::customerId)
                .doesNotHaveDuplicates();

        // The cohorts equal a hand count: entrants per week and group, buyers and revenue of the redeemers
        // (within 14 days of entry), 20 off per redemption; the control bought nothing.
        Map<LocalDate, int[]> hand = new TreeMap<>();
        for (Entry e : winBackEntries) {
            int[] counts = hand.computeIfAbsent(week(e.enteredOn()), k -> new int[3]);
            counts[e.control() ? 1 : 0]++;
            counts[2] += redeemers.contains(e.customerId()) ? 1 : 0;
        }
        List<AlwaysOnCohort> cohorts = alwaysOn.results(demo, winBack);
        assertThat(cohorts).extracting(AlwaysOnCohort::week).containsExactlyElementsOf(hand.keySet());
        for (AlwaysOnCohort c : cohorts) {
            int[] counts = hand.get(c.week());
            assertThat(c.target().entrants()).as("target of " + c.week()).isEqualTo(counts[0]);
            assertThat(c.control().entrants()).as("control of " + c.week()).isEqualTo(counts[1]);
            assertThat(c.target().buyers()).as("buyers of " + c.week()).isEqualTo(counts[2]);
            assertThat(c.control().buyers()).isZero();
            assertThat(c.target().revenue()).isEqualByComparingTo(PURCHASE.multiply(BigDecimal.valueOf(counts[2])));
            assertThat(c.couponCost()).isEqualByComparingTo(BigDecimal.valueOf(20L * counts[2]));
            assertThat(c.versions()).containsExactly(1);
            if (c.control().entrants() > 0 && c.target().entrants() > 0) {
                assertThat(c.conversionLift().estimate())
                        .isCloseTo((double) counts[2] / counts[0], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThat(redeemedOn).as("every third target entrant redeemed").isNotEmpty();
        log.info("Sixty nights: win back enrolled {} ({} control), {} redeemed, {} calls; again after 30 days enrolled"
                + " {} entries; the mover entered on night {}; {} weekly cohorts equal the hand count",
                winBackEntries.size(), winBackEntries.stream().filter(Entry::control).count(), redeemers.size(),
                called.size(), againEntries.size(), moverNight, cohorts.size());
    }

    /** An entry as the test reads it. */
    record Entry(Long customerId, String customerCode, int entryNo, boolean control, LocalDate enteredOn) {
    }

    private List<Entry> entries(TenantId tenant, long campaign) {
        return alwaysOn.entries(tenant, campaign, 0, 100_000).stream().map(e -> new Entry(e.customerId(),
                e.customerCode(), e.entryNo(), e.control(), e.enteredOn())).toList();
    }

    private List<Entry> entriesOn(TenantId tenant, long campaign, LocalDate day) {
        return entries(tenant, campaign).stream().filter(e -> e.enteredOn().equals(day)).toList();
    }

    private String codeOf(TenantId tenant, long campaign, long customer) {
        return campaigns.codesOf(tenant, customer).stream().filter(c -> c.campaignId() == campaign)
                .map(CustomerCoupon::code).findFirst().orElseThrow();
    }

    private OrderRecord order(String orderNo, String customerCode, OrderStatus status) {
        return new OrderRecord(orderNo, customerCode, LocalDateTime.ofInstant(clock.instant(), SHANGHAI), PURCHASE,
                1, null, null, status);
    }

    private List<RevisitTask> tasksOf(TenantId tenant, TierPilotUser owner, String campaignName) {
        LocalDate today = tenants.today(tenant);
        List<RevisitTask> all = new ArrayList<>();
        for (TaskWindow window : TaskWindow.values()) {
            all.addAll(tasks.open(tenant, owner.userId(), Role.OWNER, null, window, today, 0, 10_000));
        }
        return all.stream().filter(t -> t.planName().equals(campaignName)).toList();
    }

    private static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
