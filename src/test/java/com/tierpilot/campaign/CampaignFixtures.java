package com.tierpilot.campaign;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds campaigns the way users do: customers and orders loaded, a segmentation run, a campaign drafted with the
 * wizard's values and launched.
 */
public record CampaignFixtures(CustomerBulkService customers, SegmentationService segmentation, CampaignService campaigns,
        Clock clock) {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /**
     * Customers {@code prefix1..prefixN} who bought three times, the last 120 days ago: "at risk" in the default
     * lifecycle rules. Runs the segmentation.
     */
    public void atRiskCustomers(TenantId tenant, String prefix, int count) {
        atRiskCustomers(tenant, prefix, count, i -> null);
    }

    /** {@link #atRiskCustomers(TenantId, String, int)} with customer {@code i}'s account manager (null: none). */
    public void atRiskCustomers(TenantId tenant, String prefix, int count,
            java.util.function.IntFunction<com.tierpilot.base.@Nullable UserId> manager) {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String code = prefix + i;
            people.add(new CustomerRecord(code, "Customer " + code, null, null, null, null, "上海", null, null, null,
                    null, Set.of(), manager.apply(i), LocalDate.of(2024, 1, 1), true, Map.of()));
            for (int o = 0; o < 3; o++) {
                orders.add(new OrderRecord(code + "-H" + o, code, today.minusDays(120 + 20L * o).atTime(11, 0),
                        BigDecimal.valueOf(100 + i), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertCustomers(tenant, people);
        customers.upsertOrders(tenant, orders);
        segmentation.runNow(tenant, null, RunTrigger.MANUAL);
    }

    /** An order placed now (in the tenant's zone) plus the given offset. */
    public OrderRecord orderAfter(String orderNo, String customerCode, Duration after, String amount) {
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant().plus(after), SHANGHAI);
        return new OrderRecord(orderNo, customerCode, at, new BigDecimal(amount), 1, null, null,
                OrderStatus.COMPLETED);
    }

    /** Coupon terms valid from a minute ago for 30 days, with unique codes. */
    public CouponTerms uniqueCodes(DiscountType type, String value, @Nullable String threshold, String minSpend,
            int perCode, int perCustomer, @Nullable Integer total) {
        Instant now = clock.instant();
        return new CouponTerms(type, new BigDecimal(value), threshold == null ? null : new BigDecimal(threshold),
                new BigDecimal(minSpend), now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)), List.of(),
                CodeMode.UNIQUE, "WB", null, perCode, perCustomer, total);
    }

    /** Coupon terms with one shared code. */
    public CouponTerms sharedCode(String code, String value, int perCode, int perCustomer, @Nullable Integer total) {
        Instant now = clock.instant();
        return new CouponTerms(DiscountType.FIXED, new BigDecimal(value), null, BigDecimal.ZERO,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)), List.of(), CodeMode.SHARED, "",
                code, perCode, perCustomer, total);
    }

    /** A coupon campaign on the at-risk customers, drafted and launched by the tenant's owner (signed in). */
    public Campaign launchedOnAtRisk(TestTenant shop, String name, int holdoutPercent, CouponTerms coupon) {
        Instant now = clock.instant();
        long id = campaigns.create(shop.id(), shop.owner().userId(), new CampaignDraft(name, "Win back",
                List.of("LIFECYCLE:at_risk"), List.of(), null, holdoutPercent, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(30)), EnumSet.of(CampaignAction.COUPON), coupon));
        return campaigns.launch(shop.id(), id);
    }
}
