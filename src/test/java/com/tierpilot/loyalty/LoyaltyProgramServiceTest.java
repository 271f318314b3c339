package com.tierpilot.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.ConflictException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.loyalty.LoyaltyRules.Multiplier;
import com.tierpilot.loyalty.persistence.PointsLedgerRepository;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The programme's nights: orders earn by the rules, refunds take back, birthdays give, old points expire. */
@IntegrationTest
class LoyaltyProgramServiceTest {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    LoyaltyProgramService program;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    PointsLedgerRepository store;
    @Autowired
    com.tierpilot.segmentation.SegmentationService segmentation;
    @Autowired
    com.tierpilot.campaign.CampaignService campaigns;
    @Autowired
    java.time.Clock clock;

    TestTenant shop;
    long member;

    @BeforeEach
    void aShopWithAMemberBornOnTheTenthOfMarch() {
        shop = tenants.signUp("Programme Co").signInAsOwner();
        customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("M1", "王芳", null, null, null,
                LocalDate.of(1990, 3, 10), null, null, null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), true,
                Map.of())));
        member = queries.byCode(shop.id(), "M1").orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void ordersEarnByRateAndTheLargestMultiplierOncePerOrderFromTheStartDateOn() {
        save(rules(ExpiryMode.NONE, null, 0));
        customers.upsertOrders(shop.id(), List.of(
                order("BEFORE", START.minusDays(1), "500", null, null, OrderStatus.COMPLETED),
                order("PLAIN", START, "100.90", null, null, OrderStatus.COMPLETED),
                order("TEA", START.plusDays(1), "50", "Tea", null, OrderStatus.COMPLETED),
                order("TEA-WX", START.plusDays(2), "40", "tea", "WeChat", OrderStatus.COMPLETED),
                order("CANCELLED", START.plusDays(2), "70", null, null, OrderStatus.CANCELLED)));

        var first = program.night(shop.id(), START.plusDays(3));
        var second = program.night(shop.id(), START.plusDays(3));

        assertThat(first.ordersEarned()).isEqualTo(3);
        assertThat(second.ordersEarned()).as("a second night books nothing again").isZero();
        // 100 × 1 + 50 × 2 (tea) + 40 × 3 (WeChat beats tea) = 320.
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(320, 0));
    }

    @Test
    void aRefundedOrderAndARefundOrderTakeTheirPointsBack() {
        save(rules(ExpiryMode.NONE, null, 0));
        customers.upsertOrders(shop.id(), List.of(order("O1", START, "100", null, null, OrderStatus.COMPLETED),
                order("O2", START, "60", null, null, OrderStatus.COMPLETED)));
        program.night(shop.id(), START);
        customers.upsertOrders(shop.id(), List.of(order("O1", START, "100", null, null, OrderStatus.REFUNDED),
                order("C-O2", START.plusDays(1), "-25", null, null, OrderStatus.COMPLETED)));

        var night = program.night(shop.id(), START.plusDays(1));
        program.night(shop.id(), START.plusDays(2));

        assertThat(night.refunds()).isEqualTo(2);
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(35, 0));
        assertThat(store.ledgerSum(shop.id(), member)).isEqualTo(35);
    }

    @Test
    void aBirthdayGivesItsBonusOnceOnTheDay() {
        save(rules(ExpiryMode.NONE, null, 88));

        assertThat(program.night(shop.id(), LocalDate.of(2025, 3, 9)).birthdays()).isZero();
        assertThat(program.night(shop.id(), LocalDate.of(2025, 3, 10)).birthdays()).isEqualTo(1);
        assertThat(program.night(shop.id(), LocalDate.of(2025, 3, 10)).birthdays()).isZero();
        assertThat(ledger.balance(shop.id(), member).points()).isEqualTo(88);
    }

    @Test
    void pointsExpireAfterTheirMonthsLessWhatWasSpentAndNewerPointsStay() {
        save(rules(ExpiryMode.ROLLING, 1, 0));
        customers.upsertOrders(shop.id(), List.of(order("OLD", START, "100", null, null, OrderStatus.COMPLETED),
                order("NEW", START.plusDays(20), "40", null, null, OrderStatus.COMPLETED)));
        program.night(shop.id(), START.plusDays(20));
        ledger.spend(shop.id(), member, 30, PointsReason.REWARD, "mug", "spend-1");

        assertThat(program.night(shop.id(), START.plusMonths(1)).pointsExpired()).as("valid on its last day")
                .isZero();
        var night = program.night(shop.id(), START.plusMonths(1).plusDays(1));
        program.night(shop.id(), START.plusMonths(1).plusDays(2));

        assertThat(night.pointsExpired()).as("the 70 unspent of the old 100").isEqualTo(70);
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(40, 0));
        assertThat(program.night(shop.id(), START.plusDays(20).plusMonths(1).plusDays(1)).pointsExpired())
                .isEqualTo(40);
        assertThat(ledger.balance(shop.id(), member).points()).isZero();
        assertThat(store.ledgerSum(shop.id(), member)).isZero();
    }

    @Test
    void rulesSavedFromAStaleFormAreRefused() {
        LoyaltyRules saved = save(rules(ExpiryMode.YEAR_END, null, 0));

        save(new LoyaltyRules(true, new BigDecimal("2"), 0, ExpiryMode.NONE, null, START, List.of(),
                saved.version()));
        assertThatThrownBy(() -> program.save(shop.id(), new LoyaltyRules(true, BigDecimal.TEN, 0, ExpiryMode.NONE,
                null, START, List.of(), saved.version()))).isInstanceOf(ConflictException.class);
        assertThat(program.rules(shop.id()).pointsPerUnit()).isEqualByComparingTo("2");
    }

    @Test
    void aDoublePointsCampaignDoublesTheTargetMembersOrdersWhileItRuns() {
        var fixtures = new com.tierpilot.campaign.CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "P", 4);
        java.time.Instant now = clock.instant();
        long campaign = campaigns.create(shop.id(), shop.owner().userId(), new com.tierpilot.campaign.CampaignDraft(
                "Double points for at risk", "Win back", List.of("LIFECYCLE:at_risk"), List.of(), null, 0,
                now.minus(java.time.Duration.ofMinutes(1)), now.plus(java.time.Duration.ofDays(30)),
                java.util.EnumSet.of(com.tierpilot.campaign.CampaignAction.LOYALTY_REWARD), null));
        campaigns.launch(shop.id(), campaign);
        LocalDate today = LocalDate.now(clock.withZone(com.tierpilot.campaign.CampaignFixtures.SHANGHAI));
        save(new LoyaltyRules(true, BigDecimal.ONE, 0, ExpiryMode.NONE, null, today, List.of(), -1));
        customers.upsertOrders(shop.id(), List.of(
                fixtures.orderAfter("P1-NOW", "P1", java.time.Duration.ofMinutes(1), "100"),
                fixtures.orderAfter("M1-NOW", "M1", java.time.Duration.ofMinutes(1), "100")));

        program.night(shop.id(), today.plusDays(1));
        program.night(shop.id(), today.plusDays(1));

        long p1 = queries.byCode(shop.id(), "P1").orElseThrow().id();
        assertThat(ledger.balance(shop.id(), p1).points()).as("a target member: twice the points").isEqualTo(200);
        assertThat(ledger.latest(shop.id(), p1, 5)).extracting(PointsEntry::reason)
                .containsExactlyInAnyOrder(PointsReason.ORDER, PointsReason.CAMPAIGN);
        assertThat(ledger.balance(shop.id(), member).points()).as("not in the campaign").isEqualTo(100);
    }

    private LoyaltyRules save(LoyaltyRules rules) {
        return program.save(shop.id(), rules);
    }

    private LoyaltyRules rules(ExpiryMode expiry, Integer months, int birthdayBonus) {
        LoyaltyRules current = program.rules(shop.id());
        return new LoyaltyRules(true, BigDecimal.ONE, birthdayBonus, expiry, months, START, List.of(
                new Multiplier(Multiplier.Kind.CATEGORY, "TEA", new BigDecimal("2")),
                new Multiplier(Multiplier.Kind.CHANNEL, "wechat", new BigDecimal("3"))), current.version());
    }

    private static OrderRecord order(String no, LocalDate day, String amount, String category, String channel,
            OrderStatus status) {
        return new OrderRecord(no, "M1", day.atTime(12, 0), new BigDecimal(amount), 1, category, channel, status);
    }
}
