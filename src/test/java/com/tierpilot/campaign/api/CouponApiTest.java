package com.tierpilot.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignReportingService;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.CouponCode;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.ApiContract;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The redemption API as a shop's till calls it, with a real token. */
@IntegrationTest
class CouponApiTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignReportingService reporting;

    TestTenant shop;
    Campaign campaign;
    String token;
    CouponCode code;

    @BeforeEach
    void aLaunchedCouponCampaignAndAToken() {
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        shop = tenants.signUp("Till Co").signInAsOwner();
        fixtures.atRiskCustomers(shop.id(), "T", 5);
        campaign = fixtures.launchedOnAtRisk(shop, "Win back", 0,
                fixtures.uniqueCodes(DiscountType.PERCENT, "10", null, "100", 1, 1, null));
        code = campaigns.codes(shop.id(), campaign.id(), 0, 1).getFirst();
        token = shop.apiToken();
        TestTenants.signOut();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aCodeIsRedeemedOncePerOrderAndThenRefusedWithAConflict() throws Exception {
        String body = """
                {"code": "%s", "customerCode": "%s", "orderNo": "SO-1", "orderAmount": 250.00}"""
                .formatted(code.code(), code.customerCode());
        redeem(body).andExpect(status().isOk()).andExpect(jsonPath("$.discount").value(25.00))
                .andExpect(jsonPath("$.amountToPay").value(225.00)).andExpect(jsonPath("$.repeated").value(false));
        redeem(body).andExpect(status().isOk()).andExpect(jsonPath("$.repeated").value(true));
        redeem(body.replace("SO-1", "SO-2")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("CODE_USED_UP"))
                .andExpect(jsonPath("$.detail", containsString("used up")));

        shop.signInAsOwner();
        var results = reporting.results(shop.id(), campaign.id());
        assertThat(results.target().redemptions()).as("API redemptions count on the results").isEqualTo(1);
        assertThat(results.discountCost()).isEqualByComparingTo("25.00");
    }

    @Test
    void aRequestThatCannotBeHonouredIsUnprocessableWithItsReason() throws Exception {
        redeem("""
                {"code": "%s", "customerCode": "%s", "orderNo": "SO-3", "orderAmount": 99.99}"""
                .formatted(code.code(), code.customerCode())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("BELOW_MINIMUM_SPEND"))
                .andExpect(jsonPath("$.detail", containsString("at least 100")));
        redeem("""
                {"code": "NOSUCHCODE", "customerCode": "%s", "orderNo": "SO-4", "orderAmount": 300}"""
                .formatted(code.customerCode())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_CODE"));
        redeem("""
                {"code": "%s"}""".formatted(code.code())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("INVALID_REQUEST"));
        mvc.perform(post("/api/v1/coupons/redeem").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aReversalAfterARefundGivesTheUseBack() throws Exception {
        redeem("""
                {"code": "%s", "customerCode": "%s", "orderNo": "SO-5", "orderAmount": 120}"""
                .formatted(code.code(), code.customerCode())).andExpect(status().isOk());

        reverse("SO-5").andExpect(status().isOk()).andExpect(jsonPath("$.useFreed").value(true));
        reverse("SO-5").andExpect(status().isOk()).andExpect(jsonPath("$.repeated").value(true));
        reverse("SO-404").andExpect(status().isNotFound());
        redeem("""
                {"code": "%s", "customerCode": "%s", "orderNo": "SO-6", "orderAmount": 120}"""
                .formatted(code.code(), code.customerCode())).andExpect(status().isOk())
                .andExpect(jsonPath("$.discount").value(12.00));
    }

    /** Every answer is also checked against the published OpenAPI document. */
    private ResultActions redeem(String body) throws Exception {
        return mvc.perform(post("/api/v1/coupons/redeem").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType("application/json").content(body)).andExpect(ApiContract.of(mvc).conforms());
    }

    private ResultActions reverse(String orderNo) throws Exception {
        return mvc.perform(post("/api/v1/coupons/reverse").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType("application/json").content("{\"orderNo\": \"" + orderNo + "\"}"))
                .andExpect(ApiContract.of(mvc).conforms());
    }
}
