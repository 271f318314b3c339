package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.campaign.persistence.CouponRepository;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.Concurrently;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Coupon codes redeemed as busy shops do: many tills at once, retries, refunds. The database decides. */
@IntegrationTest
class CouponRedemptionTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CouponService coupons;
    @Autowired
    CouponRepository store;
    @Autowired
    MutableClock clock;

    CampaignFixtures fixtures;
    TestTenant shop;
    ExecutorService pool = Executors.newFixedThreadPool(16);

    @BeforeEach
    void aShopWithTwentyAtRiskCustomers() {
        fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        shop = tenants.signUp("Coupon Co").signInAsOwner();
        fixtures.atRiskCustomers(shop.id(), "R", 20);
    }

    @AfterEach
    void stopThePool() throws InterruptedException {
        TestTenants.signOut();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aHundredConcurrentRedemptionsOfASingleUseCodeRedeemItExactlyOnce() throws Exception {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Single use", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "20", null, "0", 1, 5, null));
        CouponCode code = campaigns.codes(shop.id(), campaign.id(), 0, 1).getFirst();

        List<Boolean> done = all(IntStream.range(0, 100).<Callable<Boolean>>mapToObj(i -> () -> redeemed(
                new RedemptionRequest(code.code(), code.customerCode(), "SO-" + i, new BigDecimal("100.00"), null)))
                .toList());

        assertThat(done).filteredOn(ok -> ok).hasSize(1);
        assertThat(store.usesOfCode(shop.id(), code.code())).isEqualTo(1);
    }

    @Test
    void thePerCustomerLimitHoldsUnderConcurrency() throws Exception {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Shared", 0, fixtures.sharedCode("SPRING25", "25", 1000,
                2, null));

        List<Boolean> sameCustomer = all(IntStream.range(0, 50).<Callable<Boolean>>mapToObj(i -> () -> redeemed(
                new RedemptionRequest("spring25", "R1", "R1-SO-" + i, new BigDecimal("80"), null))).toList());

        assertThat(sameCustomer).filteredOn(ok -> ok).hasSize(2);
        assertThat(store.usesOfCode(shop.id(), "SPRING25")).isEqualTo(2);
        assertThat(campaign.targetMembers()).isEqualTo(20);
    }

    @Test
    void theTotalLimitHoldsUnderConcurrencyAcrossCustomers() throws Exception {
        fixtures.launchedOnAtRisk(shop, "Total", 0, fixtures.sharedCode("FIRST3", "10", 1000, 1, 3));

        List<Boolean> done = all(IntStream.rangeClosed(1, 20).<Callable<Boolean>>mapToObj(i -> () -> redeemed(
                new RedemptionRequest("FIRST3", "R" + i, "T-SO-" + i, new BigDecimal("50"), null))).toList());

        assertThat(done).filteredOn(ok -> ok).hasSize(3);
        assertThat(store.usesOfCode(shop.id(), "FIRST3")).isEqualTo(3);
    }

    @Test
    void aRetriedOrderRedeemsOnceAndEveryRetryGetsTheSameDiscount() throws Exception {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Retry", 0,
                fixtures.uniqueCodes(DiscountType.PERCENT, "10", null, "0", 3, 3, null));
        CouponCode code = campaigns.codes(shop.id(), campaign.id(), 0, 1).getFirst();
        var request = new RedemptionRequest(code.code(), code.customerCode(), "SO-RETRY", new BigDecimal("199.90"),
                null);

        List<Redemption> answers = all(IntStream.range(0, 20).<Callable<Redemption>>mapToObj(i -> () -> {
            TestTenants.signIn(shop.owner());
            return coupons.redeem(shop.id(), request);
        }).toList());

        assertThat(answers).extracting(Redemption::id).containsOnly(answers.getFirst().id());
        assertThat(answers).filteredOn(r -> !r.repeated()).hasSize(1);
        assertThat(answers.getFirst().discount()).isEqualByComparingTo("19.99");
        assertThat(store.usesOfCode(shop.id(), code.code())).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentRetriesOfOneOrderOnASingleUseCodeAllGetTheFirstRedemptionNeverUsedUp() throws Exception {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Single use retry", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "20", null, "0", 1, 1, null));
        CouponCode code = campaigns.codes(shop.id(), campaign.id(), 0, 1).getFirst();
        var request = new RedemptionRequest(code.code(), code.customerCode(), "SO-TILL-RETRY",
                new BigDecimal("100.00"), null);

        List<Object> answers = all(IntStream.range(0, 50).<Callable<Object>>mapToObj(i -> () -> {
            TestTenants.signIn(shop.owner());
            try {
                return coupons.redeem(shop.id(), request);
            } catch (CouponRefusedException refused) {
                return refused.reason();
            }
        }).toList());

        assertThat(answers).as("no retry is told the code is used up").allMatch(Redemption.class::isInstance);
        List<Redemption> redemptions = answers.stream().map(Redemption.class::cast).toList();
        assertThat(redemptions).filteredOn(r -> !r.repeated()).hasSize(1);
        assertThat(redemptions).extracting(Redemption::id).containsOnly(redemptions.getFirst().id());
        assertThat(redemptions).extracting(Redemption::discount).allMatch(d -> d.compareTo(new BigDecimal("20")) == 0);
        assertThat(store.usesOfCode(shop.id(), code.code())).isEqualTo(1);
    }

    @Test
    void aRefusedCodeSaysWhyAndWritesNothing() {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Refusals", 0,
                fixtures.uniqueCodes(DiscountType.SPEND_SAVE, "30", "200", "0", 1, 1, null));
        List<CouponCode> codes = campaigns.codes(shop.id(), campaign.id(), 0, 2);
        CouponCode mine = codes.get(0);
        CouponCode theirs = codes.get(1);

        assertThat(refusal(new RedemptionRequest("NOPE1234", mine.customerCode(), "X1", BigDecimal.TEN, null)))
                .isEqualTo(RefusalReason.UNKNOWN_CODE);
        assertThat(refusal(new RedemptionRequest(theirs.code(), mine.customerCode(), "X2", new BigDecimal("300"),
                null))).isEqualTo(RefusalReason.NOT_THE_CUSTOMERS_CODE);
        assertThat(refusal(new RedemptionRequest(mine.code(), mine.customerCode(), "X3", new BigDecimal("199.99"),
                null))).isEqualTo(RefusalReason.BELOW_MINIMUM_SPEND);
        assertThat(refusal(new RedemptionRequest(mine.code(), "NOBODY", "X4", new BigDecimal("300"), null)))
                .isEqualTo(RefusalReason.UNKNOWN_CUSTOMER);
        assertThat(store.usesOfCode(shop.id(), mine.code())).isZero();

        Redemption ok = coupons.redeem(shop.id(), new RedemptionRequest(mine.code().toLowerCase(),
                mine.customerCode(), "X5", new BigDecimal("250"), null));
        assertThat(ok.discount()).as("满减: spend 200, save 30").isEqualByComparingTo("30");
        assertThat(ok.amountToPay()).isEqualByComparingTo("220");
        assertThat(refusal(new RedemptionRequest(mine.code(), mine.customerCode(), "X6", new BigDecimal("250"),
                null))).isEqualTo(RefusalReason.CODE_USED_UP);
        assertThat(refusal(new RedemptionRequest(theirs.code(), theirs.customerCode(), "X5", new BigDecimal("250"),
                null))).as("the order has a coupon already").isEqualTo(RefusalReason.ORDER_ALREADY_REDEEMED);

        campaigns.cancel(shop.id(), campaign.id());
        assertThat(refusal(new RedemptionRequest(theirs.code(), theirs.customerCode(), "X7", new BigDecimal("250"),
                null))).isEqualTo(RefusalReason.CAMPAIGN_NOT_ACTIVE);
    }

    @Test
    void aReversalOnARefundFreesTheUseWhileTheCouponIsValid() {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Refund", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "15", null, "50", 1, 1, null));
        CouponCode code = campaigns.codes(shop.id(), campaign.id(), 0, 1).getFirst();
        coupons.redeem(shop.id(), new RedemptionRequest(code.code(), code.customerCode(), "R-1", new BigDecimal(
                "60"), null));

        Reversal reversal = coupons.reverse(shop.id(), "R-1");
        Reversal again = coupons.reverse(shop.id(), "R-1");

        assertThat(reversal.useFreed()).isTrue();
        assertThat(again.repeated()).isTrue();
        assertThat(store.usesOfCode(shop.id(), code.code())).isZero();
        assertThat(coupons.redeem(shop.id(), new RedemptionRequest(code.code(), code.customerCode(), "R-2",
                new BigDecimal("60"), null)).discount()).isEqualByComparingTo("15");
        assertThat(refusal(new RedemptionRequest(code.code(), code.customerCode(), "R-1", new BigDecimal("60"),
                null))).as("a refunded order cannot redeem again").isEqualTo(RefusalReason.ORDER_ALREADY_REDEEMED);
    }

    private boolean redeemed(RedemptionRequest request) {
        TestTenants.signIn(shop.owner());
        try {
            coupons.redeem(shop.id(), request);
            return true;
        } catch (CouponRefusedException refused) {
            return false;
        }
    }

    private RefusalReason refusal(RedemptionRequest request) {
        try {
            coupons.redeem(shop.id(), request);
        } catch (CouponRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused: " + request);
    }

    private <T> List<T> all(List<Callable<T>> calls) throws Exception {
        return Concurrently.all(pool, calls);
    }
}
