package com.tierpilot.loyalty;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.ConflictException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Member tiers: up at once, down only at the review, after one review of grace. */
@IntegrationTest
class LoyaltyTierServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    LoyaltyTierService tiers;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    com.tierpilot.segmentation.SegmentationService segmentation;
    @Autowired
    com.tierpilot.campaign.CampaignService campaigns;
    @Autowired
    java.time.Clock clock;

    TestTenant shop;
    long member;
    LoyaltyTier silver;
    LoyaltyTier gold;

    @BeforeEach
    void aShopWithSilverAndGold() {
        shop = tenants.signUp("Tiers Co").signInAsOwner();
        customers.upsertCustomers(shop.id(), List.of(customer("M1", "Member", "上海")));
        member = queries.byCode(shop.id(), "M1").orElseThrow().id();
        silver = tiers.save(shop.id(), null, "Silver", new BigDecimal("100"), "5% off");
        gold = tiers.save(shop.id(), null, "Gold", new BigDecimal("500"), "10% off, free delivery");
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aMemberGoesUpTheNightThePointsPassTheThreshold() {
        LocalDate today = LocalDate.now();
        ledger.award(shop.id(), member, 120, PointsReason.ORDER, "O1", "order:O1", null);
        assertThat(tiers.review(shop.id(), today).upgraded()).isEqualTo(1);
        assertThat(tiers.of(shop.id(), member)).hasValueSatisfying(t -> assertThat(t.tier().name())
                .isEqualTo("Silver"));

        ledger.award(shop.id(), member, 400, PointsReason.ORDER, "O2", "order:O2", null);
        ledger.spend(shop.id(), member, 300, PointsReason.REWARD, "R", "spend");
        tiers.review(shop.id(), today);

        assertThat(tiers.of(shop.id(), member)).as("spending points does not cost the tier")
                .hasValueSatisfying(t -> {
                    assertThat(t.tier().name()).isEqualTo("Gold");
                    assertThat(t.since()).isEqualTo(today);
                    assertThat(t.inGrace()).isFalse();
                });
    }

    @Test
    void aMemberBelowTheThresholdKeepsTheTierThroughOneReviewAndGoesDownAtTheNext() {
        tiers.saveSettings(shop.id(), new TierSettings(TierSettings.Basis.SPEND, 1, 1));
        customers.upsertOrders(shop.id(), List.of(new OrderRecord("O1", "M1", LocalDate.of(2024, 6, 1)
                .atTime(10, 0), new BigDecimal("600"), 1, null, null, OrderStatus.COMPLETED)));
        tiers.review(shop.id(), LocalDate.of(2024, 6, 2));
        assertThat(tiers.of(shop.id(), member).orElseThrow().tier().name()).isEqualTo("Gold");

        var firstReview = tiers.review(shop.id(), LocalDate.of(2025, 1, 1));
        assertThat(firstReview.graced()).as("still within 12 months: no grace needed").isZero();
        tiers.review(shop.id(), LocalDate.of(2025, 6, 15));
        assertThat(tiers.of(shop.id(), member).orElseThrow().inGrace()).as("no downgrade between reviews")
                .isFalse();

        customers.upsertOrders(shop.id(), List.of(new OrderRecord("O2", "M1", LocalDate.of(2025, 9, 1)
                .atTime(10, 0), new BigDecimal("150"), 1, null, null, OrderStatus.COMPLETED)));
        assertThat(tiers.review(shop.id(), LocalDate.of(2026, 1, 1)).graced()).isEqualTo(1);
        assertThat(tiers.of(shop.id(), member).orElseThrow()).satisfies(t -> {
            assertThat(t.tier().name()).isEqualTo("Gold");
            assertThat(t.inGrace()).isTrue();
        });

        assertThat(tiers.review(shop.id(), LocalDate.of(2027, 1, 1)).downgraded()).isEqualTo(1);
        assertThat(tiers.of(shop.id(), member)).as("nothing spent in the last 12 months: no tier").isEmpty();
    }

    @Test
    void aTierWithAnUpgradeCouponGivesTheMemberACodeOfItsCampaignOnTheNightOfTheUpgrade() {
        var fixtures = new com.tierpilot.campaign.CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "AR", 1);
        long welcome = fixtures.launchedOnAtRisk(shop, "Gold welcome", 0, fixtures.uniqueCodes(
                com.tierpilot.campaign.DiscountType.PERCENT, "10", null, "0", 1, 1, null)).id();
        tiers.save(shop.id(), gold.id(), "Gold", new BigDecimal("500"), "10% off", welcome);

        ledger.award(shop.id(), member, 600, PointsReason.ORDER, "O1", "order:O1", null);
        tiers.review(shop.id(), LocalDate.now());
        tiers.review(shop.id(), LocalDate.now());

        assertThat(campaigns.codes(shop.id(), welcome, 0, 10)).filteredOn(c -> "M1".equals(c.customerCode()))
                .as("one code, on the night of the upgrade").hasSize(1);
        assertThatThrownBy(() -> tiers.save(shop.id(), silver.id(), "Silver", new BigDecimal("100"), null,
                welcome + 999)).hasMessageContaining("notTemplate");
    }

    @Test
    void aTierSomeoneHoldsCannotBeDeletedAndThresholdsAreUnique() {
        ledger.award(shop.id(), member, 120, PointsReason.ORDER, "O1", "order:O1", null);
        tiers.review(shop.id(), LocalDate.now());

        assertThatThrownBy(() -> tiers.delete(shop.id(), silver.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tiers.save(shop.id(), null, "Also silver", new BigDecimal("100"), null))
                .hasMessageContaining("duplicate");
        tiers.delete(shop.id(), gold.id());
        assertThat(tiers.tiers(shop.id())).extracting(LoyaltyTier::name).containsExactly("Silver");
    }
}
