package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.IntradayService;
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
 * Issue 21: an always-on campaign sees a move that an intraday run made. A big spender's refund comes in through the
 * API during the day and an intraday run drops him from tier A at once; that night's run is compared with the
 * intraday run and so has no move of his any more, yet the night's enrolment takes him, once, and not the customer
 * who had dropped before the campaign was switched on (whose move the intraday run carries over).
 */
@IntegrationTest
class AlwaysOnIntradayMovesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    IntradayService intraday;
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
    void aDropFromTierAInAnIntradayRunEntersTheNextNightsAlwaysOnCampaign() {
        ZonedDateTime now = clock.instant().atZone(SHANGHAI);
        ZonedDateTime tenAm = now.toLocalDate().atTime(LocalTime.of(10, 0)).atZone(SHANGHAI);
        clock.advance(Duration.between(now, tenAm.isAfter(now) ? tenAm : tenAm.plusDays(1)));
        TestTenant shop = tenants.signUp("Intraday Always-on Co", SHANGHAI, SupportedLocales.ENGLISH)
                .signInAsOwner();
        LocalDate today = tenantService.today(shop.id());
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
        segmentation.runNow(shop.id(), today.minusDays(1), RunTrigger.SCHEDULE);
        // Last night's run: BIG-W's refund of yesterday drops him from A before the campaign exists.
        customers.upsertOrders(shop.id(), List.of(refund("BIG-W", today.minusDays(1))));
        segmentation.runNow(shop.id(), today, RunTrigger.SCHEDULE);
        long drop = switchOn(shop, "Dropped from A");
        intraday.setEnabled(shop.id(), true);

        // 10:00: BIG-1's refund comes in; the intraday run shows him in C within a minute.
        customers.upsertOrders(shop.id(), List.of(refund("BIG-1", today)));
        org.awaitility.Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> segmentation.currentRun(shop.id()).orElseThrow().trigger() == RunTrigger.INTRADAY);

        // The night: tomorrow's run is compared with the intraday run, where BIG-1 already is in C.
        clock.advance(Duration.ofDays(1));
        segmentation.runNow(shop.id(), today.plusDays(1), RunTrigger.SCHEDULE);
        assertThat(alwaysOn.night(shop.id(), today.plusDays(1)).entered()).isEqualTo(1);
        assertThat(alwaysOn.entries(shop.id(), drop, 0, 100).stream().map(AlwaysOnEntry::customerCode).toList())
                .as("BIG-1 dropped in the intraday run after the switch-on, BIG-W before it").containsExactly("BIG-1");
    }

    private long switchOn(TestTenant shop, String name) {
        long id = alwaysOn.create(shop.id(), shop.owner().userId(), name, null, new AlwaysOnDefinition(
                AlwaysOnTrigger.TIER_DROP, "ABC", "A", null, null, 0, null, Set.of(ExitCondition.BOUGHT), 30,
                List.of(JourneyStep.coupon(0, false)), new AlwaysOnCoupon(DiscountType.FIXED, BigDecimal.TEN, null,
                        BigDecimal.ZERO, "IN", 30)), null);
        alwaysOn.switchOn(shop.id(), id);
        return id;
    }

    private static OrderRecord refund(String code, LocalDate on) {
        return new OrderRecord(code + "-R", code, on.atTime(9, 0), new BigDecimal("-5000"), 1, null, null,
                OrderStatus.REFUNDED);
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
