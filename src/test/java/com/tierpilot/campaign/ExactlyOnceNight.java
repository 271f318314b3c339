package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * The fixture and the checks of the exactly-once tests of an always-on night: {@link #CUSTOMERS} customers who become
 * "at risk", a campaign that gives each target entrant a code, double points and a revisit task on the entry night,
 * and what the database must hold after any number of concurrent callers of that night.
 */
final class ExactlyOnceNight {

    /** The customers who enter "at risk" on the night. */
    static final int CUSTOMERS = 40;

    private final TestTenants tenants;
    private final CustomerBulkService customers;
    private final SegmentationService segmentation;
    private final TenantService tenantService;
    private final RevisitPlanService plans;
    private final AlwaysOnCampaignService alwaysOn;
    private final CampaignService campaigns;
    private final PointsCampaignService points;

    private ExactlyOnceNight(ApplicationContext context) {
        this.tenants = context.getBean(TestTenants.class);
        this.customers = context.getBean(CustomerBulkService.class);
        this.segmentation = context.getBean(SegmentationService.class);
        this.tenantService = context.getBean(TenantService.class);
        this.plans = context.getBean(RevisitPlanService.class);
        this.alwaysOn = context.getBean(AlwaysOnCampaignService.class);
        this.campaigns = context.getBean(CampaignService.class);
        this.points = context.getBean(PointsCampaignService.class);
    }

    static ExactlyOnceNight in(ApplicationContext context) {
        return new ExactlyOnceNight(context);
    }

    /** A night to run: the company (its owner signed in), the campaign and the night's date. */
    record Night(TestTenant shop, long campaignId, LocalDate date) {
    }

    /**
     * A new company whose customers {@code prefix1..prefix40} last bought 95 days ago: ten days ago (the run before)
     * they were not at risk yet, and the campaign (everything at once) was switched on then; as of today, tonight's
     * recompute done, they are at risk and the night is to run.
     */
    Night atRiskTonight(String company, String prefix) {
        TestTenant shop = tenants.signUp(company, ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        long plan = plans.addAbcPresets(shop.id()).getFirst().id();
        LocalDate today = tenantService.today(shop.id());
        customersWithTwoOrders(shop, prefix, CUSTOMERS, today, 95);
        segmentation.runNow(shop.id(), today.minusDays(10), RunTrigger.MANUAL);
        long id = everythingAtOnce(shop, company, plan, prefix);
        alwaysOn.switchOn(shop.id(), id);
        segmentation.runNow(shop.id(), today, RunTrigger.SCHEDULE);
        return new Night(shop, id, today);
    }

    /**
     * Customers {@code prefix1..prefixN}, each with two orders of 120, the last {@code lastOrderDaysAgo} days
     * before {@code today}.
     */
    private void customersWithTwoOrders(TestTenant shop, String prefix, int count, LocalDate today,
            int lastOrderDaysAgo) {
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            people.add(new CustomerRecord(prefix + i, "Customer " + i, null, null, null, null, null, null, null,
                    null, null, Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of()));
            for (int o = 0; o < 2; o++) {
                orders.add(new OrderRecord(prefix + i + "-" + o, prefix + i,
                        today.minusDays(lastOrderDaysAgo + 30L * o).atTime(10, 0), new BigDecimal("120"), 1, null,
                        null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);
    }

    /** A campaign on entering "at risk", 20% control: a code, double points for 7 days and a task, all at once. */
    private long everythingAtOnce(TestTenant shop, String name, long plan, String prefix) {
        return alwaysOn.create(shop.id(), shop.owner().userId(), name, null,
                new AlwaysOnDefinition(AlwaysOnTrigger.SEGMENT, "LIFECYCLE", "at_risk", null, null, 20, null,
                        Set.of(ExitCondition.BOUGHT), 14, List.of(JourneyStep.coupon(0, false),
                                JourneyStep.doublePoints(0, false, 7), JourneyStep.revisit(0, false, plan)),
                        new AlwaysOnCoupon(DiscountType.FIXED, BigDecimal.TEN, null, BigDecimal.ZERO, prefix, 30)),
                null);
    }

    /**
     * After the callers: a night run again does nothing; each of the {@link #CUSTOMERS} entered once; each target
     * entrant has one code, one double-points window (around {@code now}) and one task; the control nothing.
     */
    void assertEachEnteredOnceAndEachStepDoneOnce(Night n, Instant now) {
        TestTenant shop = n.shop();
        long id = n.campaignId();
        int entrants = CUSTOMERS;
        var retry = alwaysOn.night(shop.id(), n.date());
        assertThat(retry.entered()).as("nothing left to enrol").isZero();
        assertThat(retry.stepsDone()).as("nothing left to do").isZero();
        List<AlwaysOnEntry> entries = alwaysOn.entries(shop.id(), id, 0, 1000);
        assertThat(entries).hasSize(entrants);
        assertThat(entries).extracting(AlwaysOnEntry::customerId).doesNotHaveDuplicates();
        List<AlwaysOnEntry> target = entries.stream().filter(e -> !e.control()).toList();
        assertThat(target).isNotEmpty().allMatch(e -> e.stepsDone() == 3);
        assertThat(entries).filteredOn(AlwaysOnEntry::control).allMatch(e -> e.stepsDone() == 0);
        assertThat(campaigns.countCodes(shop.id(), id)).as("one code per target entrant").isEqualTo(target.size());
        assertThat(campaigns.revisitTasks(shop.id(), id).open()).as("one task per target entrant")
                .isEqualTo(target.size());
        var bonus = points.overlapping(shop.id(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))
                .stream().filter(b -> b.campaignId() == id).findFirst().orElseThrow();
        assertThat(bonus.windows().keySet()).isEqualTo(target.stream().map(AlwaysOnEntry::customerId)
                .collect(Collectors.toSet()));
        assertThat(bonus.windows().values()).as("one double-points window each").allMatch(w -> w.size() == 1);
        var cohort = alwaysOn.results(shop.id(), id).getFirst();
        assertThat(cohort.target().entrants()).isEqualTo(target.size());
        assertThat(cohort.control().entrants()).isEqualTo(entrants - target.size());
    }
}
