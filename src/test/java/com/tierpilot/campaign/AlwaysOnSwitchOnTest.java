package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18: an always-on campaign enrols only those who entered after it was switched on. A second recompute on the
 * day of the switch-on is compared with the last run of the day before, as the first one was, and so records again
 * the moves of the first; the campaigns (a drop from tier A, entering ABC tier C, entering a rule segment "tier C")
 * must not take those for new ones, and a rule campaign must not take every member for new when the recompute has
 * removed the members of the run it was switched on at. The clock is the test's: 10:00 in Shanghai on the day.
 */
@IntegrationTest
class AlwaysOnSwitchOnTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    RuleSegmentService rules;
    @Autowired
    TenantService tenantService;
    @Autowired
    AlwaysOnCampaignService alwaysOn;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void aRecomputeOnTheDayOfTheSwitchOnEnrolsOnlyThoseWhoDroppedAfterIt() {
        ZonedDateTime now = clock.instant().atZone(SHANGHAI);
        ZonedDateTime tenAm = now.toLocalDate().atTime(LocalTime.of(10, 0)).atZone(SHANGHAI);
        clock.advance(Duration.between(now, tenAm.isAfter(now) ? tenAm : tenAm.plusDays(1)));
        TestTenant shop = tenants.signUp("Switch On Co", SHANGHAI, SupportedLocales.ENGLISH).signInAsOwner();
        LocalDate today = tenantService.today(shop.id());
        // Four big spenders (tier A), twelve regulars; all bought 40 to 60 days ago.
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (String code : List.of("BIG-W", "BIG-1", "BIG-2", "BIG-3")) {
            people.add(customer(code));
            orders.add(order(code + "-S", code, today.minusDays(60), "100"));
            orders.add(order(code + "-L", code, today.minusDays(50), "5000"));
        }
        for (int i = 1; i <= 12; i++) {
            people.add(customer("REG-" + i));
            orders.add(order("REG-" + i + "-1", "REG-" + i, today.minusDays(40 + i), String.valueOf(300 + 10 * i)));
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);
        String tierC = rules.create(shop.id(), shop.owner().userId(), "Tier C", new RuleNode.Group(RuleNode.Logic.AND,
                List.of(new RuleNode.Condition(RuleField.ABC_TIER, RuleOperator.IN, List.of("C"), null)))).key();
        segmentation.runNow(shop.id(), today.minusDays(1), RunTrigger.SCHEDULE);
        // Last night's run as of today: BIG-W's refund of yesterday drops him from A.
        refund(shop, "BIG-W", today);
        segmentation.runNow(shop.id(), today, RunTrigger.SCHEDULE);

        // 10:00: the marketer switches three campaigns on.
        long drop = switchOn(shop, "Dropped from A", AlwaysOnTrigger.TIER_DROP, "ABC", "A");
        long enteredC = switchOn(shop, "Entered C", AlwaysOnTrigger.SEGMENT, "ABC", "C");
        long ruleC = switchOn(shop, "Rule tier C", AlwaysOnTrigger.SEGMENT, "RULE", tierC);

        // 12:00: BIG-1's refund of yesterday comes in late; the owner runs the recompute and the night again.
        clock.advance(Duration.ofHours(2));
        refund(shop, "BIG-1", today);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        assertThat(tenantService.today(shop.id())).as("still the day of the switch-on").isEqualTo(today);
        var night = alwaysOn.night(shop.id(), today);
        assertThat(night.entered()).as("BIG-1 in each of the three campaigns").isEqualTo(3);
        for (long id : List.of(drop, enteredC, ruleC)) {
            assertThat(entrants(shop, id)).as("campaign " + alwaysOn.require(shop.id(), id).name()
                    + ": BIG-1 dropped after the switch-on, BIG-W before it").containsExactly("BIG-1");
        }

        // The next day's run (compared with today's second run) and night: BIG-2, refunded today, enters.
        clock.advance(Duration.ofDays(1));
        refund(shop, "BIG-2", today.plusDays(1));
        segmentation.runNow(shop.id(), today.plusDays(1), RunTrigger.SCHEDULE);
        assertThat(alwaysOn.night(shop.id(), today.plusDays(1)).entered()).isEqualTo(3);
        for (long id : List.of(drop, enteredC, ruleC)) {
            assertThat(entrants(shop, id)).as("campaign " + id).containsExactlyInAnyOrder("BIG-1", "BIG-2");
        }
    }

    private long switchOn(TestTenant shop, String name, AlwaysOnTrigger trigger, String scheme, String segment) {
        long id = alwaysOn.create(shop.id(), shop.owner().userId(), name, null, new AlwaysOnDefinition(trigger,
                scheme, segment, null, null, 0, null, Set.of(ExitCondition.BOUGHT), 30,
                List.of(JourneyStep.coupon(0, false)), new AlwaysOnCoupon(DiscountType.FIXED, BigDecimal.TEN, null,
                        BigDecimal.ZERO, "SO", 30)), null);
        alwaysOn.switchOn(shop.id(), id);
        return id;
    }

    private List<String> entrants(TestTenant shop, long id) {
        return alwaysOn.entries(shop.id(), id, 0, 100).stream().map(AlwaysOnEntry::customerCode).toList();
    }

    /** The big order of the customer refunded: a credit note of the day before {@code asOfRun}. */
    private void refund(TestTenant shop, String code, LocalDate asOfRun) {
        customers.upsertOrders(shop.id(), List.of(new OrderRecord(code + "-R", code,
                asOfRun.minusDays(1).atTime(15, 0), new BigDecimal("-5000"), 1, null, null, OrderStatus.REFUNDED)));
    }

    private static CustomerRecord customer(String code) {
        return new CustomerRecord(code, "Customer " + code, null, null, null, null, "上海", null, null, null, null,
                Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of());
    }

    private static OrderRecord order(String orderNo, String code, LocalDate day, String amount) {
        return new OrderRecord(orderNo, code, day.atTime(11, 0), new BigDecimal(amount), 1, null, null,
                OrderStatus.COMPLETED);
    }
}
