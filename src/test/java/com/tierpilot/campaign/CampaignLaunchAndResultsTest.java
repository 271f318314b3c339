package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A marketer's coupon campaign on the "at risk" customers with a 10% holdout: launched, codes issued to the target
 * members only, redeemed, and measured against the control group on the orders placed after launch.
 */
@IntegrationTest
class CampaignLaunchAndResultsTest {

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
    CampaignReportingService reporting;
    @Autowired
    MutableClock clock;
    @Autowired
    com.tierpilot.customer.CustomerProfileService queries;

    CampaignFixtures fixtures;
    TestTenant shop;

    @BeforeEach
    void aShopWithFortyAtRiskCustomers() {
        fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        shop = tenants.signUp("Lift Co").signInAsOwner();
        fixtures.atRiskCustomers(shop.id(), "L", 40);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void launchFreezesTheAudienceHoldsOutTheControlGroupByHashAndIssuesCodesToTheTargetOnly() {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Win back", 10,
                fixtures.uniqueCodes(DiscountType.FIXED, "20", null, "0", 1, 1, null));

        assertThat(campaign.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(campaign.targetMembers() + campaign.controlMembers()).isEqualTo(40);
        List<CouponCode> codes = campaigns.codes(shop.id(), campaign.id(), 0, 100);
        assertThat(codes).hasSize(campaign.targetMembers());
        assertThat(codes).allMatch(c -> c.code().matches("WB[A-HJKMNP-Z2-9]{8}"));
        long controlCount = java.util.stream.IntStream.rangeClosed(1, 40).filter(i -> {
            long id = customerId("L" + i);
            return Holdout.isControl(campaign.id(), id, 10);
        }).count();
        assertThat(campaign.controlMembers()).isEqualTo((int) controlCount);
        Set<String> holders = codes.stream().map(CouponCode::customerCode).collect(Collectors.toSet());
        assertThat(holders).hasSize(campaign.targetMembers());
        assertThat(campaigns.preview(shop.id(), campaign.id()).control()).isEqualTo(campaign.controlMembers());

        assertThatThrownBy(() -> campaigns.launch(shop.id(), campaign.id())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("campaigns.error.notDraft");
        CouponCode first = codes.getFirst();
        fixtures.customers().upsertCustomers(shop.id(), List.of(new com.tierpilot.customer.CustomerRecord(
                first.customerCode(), "=HYPERLINK(\"x\"), Li \"Lei\"", null, null, null, null, "上海", null, null,
                null, null, Set.of(), null, java.time.LocalDate.of(2024, 1, 1), true, java.util.Map.of())));
        StringWriter csv = new StringWriter();
        campaigns.writeCodesCsv(shop.id(), campaign.id(), csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines).hasSize(campaign.targetMembers() + 1);
        assertThat(lines.getFirst()).isEqualTo("\ufeffcode,customer_code,customer_name,uses");
        // The name is one quoted cell that a spreadsheet shows as text, not a formula it runs.
        assertThat(lines).contains(first.code() + "," + first.customerCode() + ",\"'=HYPERLINK(\"\"x\"\"), Li"
                + " \"\"Lei\"\"\",0");
    }

    @Test
    void redemptionsAndOrdersAfterLaunchCountOnTheResultsAgainstControl() {
        Campaign campaign = fixtures.launchedOnAtRisk(shop, "Measured", 50,
                fixtures.uniqueCodes(DiscountType.FIXED, "20", null, "0", 1, 1, null));
        List<CouponCode> codes = campaigns.codes(shop.id(), campaign.id(), 0, 100);
        // Every target member with a code buys 200 an hour after launch and redeems; control members: none buy.
        List<OrderRecord> orders = new ArrayList<>();
        for (CouponCode c : codes) {
            orders.add(fixtures.orderAfter("NEW-" + c.customerCode(), c.customerCode(), Duration.ofHours(1),
                    "200.00"));
        }
        customers.upsertOrders(shop.id(), orders);
        codes.forEach(c -> coupons.redeem(shop.id(), new RedemptionRequest(c.code(), c.customerCode(),
                "NEW-" + c.customerCode(), new BigDecimal("200.00"), null)));

        CampaignResults r = reporting.results(shop.id(), campaign.id());

        int t = campaign.targetMembers();
        assertThat(r.target().members()).isEqualTo(t);
        assertThat(r.control().members()).isEqualTo(40 - t);
        assertThat(r.target().redemptions()).isEqualTo(t);
        assertThat(r.target().redemptionRate()).isEqualTo(1.0);
        assertThat(r.target().buyers()).isEqualTo(t);
        assertThat(r.control().buyers()).isZero();
        assertThat(r.target().revenuePerMember()).isEqualTo(200.0);
        assertThat(r.revenueLift().estimate()).isEqualTo(200.0);
        assertThat(r.conversionLift().estimate()).isEqualTo(1.0);
        assertThat(r.discountCost()).isEqualByComparingTo(BigDecimal.valueOf(20L * t));
        assertThat(r.incrementalRevenue()).isEqualByComparingTo(BigDecimal.valueOf(200L * t));
        assertThat(r.roi()).isCloseTo(9.0, org.assertj.core.api.Assertions.within(1e-9));
        StringWriter csv = new StringWriter();
        reporting.writeCsv(shop.id(), campaign.id(), csv);
        assertThat(csv.toString()).contains("members," + t + "," + (40 - t)).contains("roi,9.000000");
    }

    @Test
    void aCampaignThatStartsLaterIsScheduledAndItsCodesWaitForTheStart() {
        var now = clock.instant();
        long id = campaigns.create(shop.id(), shop.owner().userId(), new CampaignDraft("Next week", null,
                List.of("LIFECYCLE:at_risk"), List.of(), null, 10, now.plus(Duration.ofDays(7)),
                now.plus(Duration.ofDays(14)), EnumSet.of(CampaignAction.COUPON),
                fixtures.sharedCode("LATER2026", "5", 100, 1, null)));
        assertThat(campaigns.preview(shop.id(), id).audience()).isEqualTo(40);

        Campaign launched = campaigns.launch(shop.id(), id);

        assertThat(launched.status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThatThrownBy(() -> coupons.redeem(shop.id(), new RedemptionRequest("LATER2026", "L1", "EARLY-1",
                BigDecimal.TEN, null))).isInstanceOf(CouponRefusedException.class)
                .extracting(e -> ((CouponRefusedException) e).reason()).isEqualTo(RefusalReason.CAMPAIGN_NOT_ACTIVE);
    }

    @Test
    void anExcludedSegmentIsLeftOutOfTheAudience() {
        var now = clock.instant();
        CampaignDraft draft = new CampaignDraft("Nobody", null, List.of("LIFECYCLE:at_risk"),
                List.of("LIFECYCLE:at_risk"), null, 10, now, now.plus(Duration.ofDays(1)),
                EnumSet.of(CampaignAction.COUPON), fixtures.sharedCode("NOBODY1", "5", 1, 1, null));

        assertThat(campaigns.preview(shop.id(), draft, null).audience()).isZero();
        long id = campaigns.create(shop.id(), shop.owner().userId(), draft);
        assertThatThrownBy(() -> campaigns.launch(shop.id(), id)).hasMessageContaining("emptyAudience");
    }

    private long customerId(String code) {
        return queries.byCode(shop.id(), code).orElseThrow().id();
    }
}
