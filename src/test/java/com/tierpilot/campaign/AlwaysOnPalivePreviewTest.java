package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.prediction.PredictionService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18: before switching on a campaign on P(alive) falling under a threshold, the preview counts how many
 * customers fell under it in each past nightly run (it said "?" while P(alive) was not kept per run), and the count
 * equals a hand count of the customers' predictions before and after.
 */
@IntegrationTest
class AlwaysOnPalivePreviewTest {

    private static final BigDecimal THRESHOLD = new BigDecimal("0.50");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService customerQueries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    PredictionService predictions;
    @Autowired
    TenantService tenantService;
    @Autowired
    AlwaysOnCampaignService alwaysOn;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void thePreviewCountsTheCustomersWhosePAliveFellUnderTheThresholdInEachPastRun() {
        TestTenant shop = tenants.signUp("P Alive Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        LocalDate today = tenantService.today(shop.id());
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            people.add(new CustomerRecord("PA" + i, null, null, null, null, null, null, null, null, null, null,
                    Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of()));
            // Regular buyers at first; the last order 1 to 200 days before today.
            for (int o = 0; o < 4; o++) {
                orders.add(new OrderRecord("PA" + i + "-" + o, "PA" + i, today.minusDays(5L * i + 45L * o)
                        .atTime(10, 0), new BigDecimal("80"), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);

        // Each recompute predicts as of its date; 90 days without orders take P(alive) down.
        segmentation.runNow(shop.id(), today.minusDays(90), RunTrigger.MANUAL);
        Map<String, BigDecimal> before = pAlive(shop);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        Map<String, BigDecimal> after = pAlive(shop);

        long under = before.values().stream().filter(p -> p.compareTo(THRESHOLD) < 0).count();
        long fell = after.keySet().stream().filter(c -> after.get(c).compareTo(THRESHOLD) < 0
                && (!before.containsKey(c) || before.get(c).compareTo(THRESHOLD) >= 0)).count();
        assertThat(fell).as("the data makes some fall under the threshold").isPositive();

        List<AlwaysOnCampaignService.PreviewRun> preview = alwaysOn.preview(shop.id(), new AlwaysOnDefinition(
                AlwaysOnTrigger.P_ALIVE, null, null, THRESHOLD, null, 10, null, Set.of(ExitCondition.BOUGHT), 30,
                List.of(JourneyStep.coupon(0, false)), new AlwaysOnCoupon(DiscountType.FIXED, BigDecimal.TEN, null,
                        BigDecimal.ZERO, "PA", 30)));

        assertThat(preview).extracting(AlwaysOnCampaignService.PreviewRun::asOf).containsExactly(today,
                today.minusDays(90));
        assertThat(preview.get(0).entrants()).as("fell under 50% between the two runs").isEqualTo((int) fell);
        assertThat(preview.get(1).entrants()).as("under 50% at the first prediction, new then").isEqualTo(
                (int) under);
    }

    private Map<String, BigDecimal> pAlive(TestTenant shop) {
        Map<String, BigDecimal> p = new HashMap<>();
        for (int i = 1; i <= 40; i++) {
            String code = "PA" + i;
            long id = customerQueries.byCode(shop.id(), code).orElseThrow().id();
            predictions.forCustomer(shop.id(), id).ifPresent(c -> p.put(code, c.pAlive()));
        }
        return p;
    }
}
