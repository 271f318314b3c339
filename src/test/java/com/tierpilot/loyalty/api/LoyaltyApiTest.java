package com.tierpilot.loyalty.api;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.support.ApiContract;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The loyalty API as a shop system calls it, with a real token. */
@IntegrationTest
class LoyaltyApiTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    MockMvc mvc;

    @Autowired
    com.tierpilot.loyalty.RewardService rewards;

    TestTenant shop;
    String token;

    @BeforeEach
    void aShopWithAMemberAndAToken() {
        shop = tenants.signUp("Loyal Tea");
        customers.upsertCustomers(shop.id(), List.of(customer("VIP-1", "王芳", "杭州")));
        token = shop.apiToken();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void pointsAreAwardedOncePerKeyAndSpentOnlyWhileTheyLast() throws Exception {
        points("""
                {"customerCode": "VIP-1", "points": 120, "reason": "ORDER", "reference": "SO-1",
                 "idempotencyKey": "order:SO-1"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(120)).andExpect(jsonPath("$.repeated").value(false));
        points("""
                {"customerCode": "vip-1", "points": 120, "reason": "ORDER", "reference": "SO-1",
                 "idempotencyKey": "order:SO-1"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(120)).andExpect(jsonPath("$.repeated").value(true));
        points("""
                {"customerCode": "VIP-1", "points": -200, "reason": "REWARD", "idempotencyKey": "reward:1"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("200 needed, 120 available")));
        points("""
                {"customerCode": "VIP-1", "points": -100, "reason": "REWARD", "idempotencyKey": "reward:2"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(20));

        mvc.perform(get("/api/v1/loyalty/customers/VIP-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(20))
                .andExpect(jsonPath("$.recentEntries.length()").value(2))
                .andExpect(jsonPath("$.recentEntries[0].points").value(-100))
                .andExpect(jsonPath("$.recentEntries[1].reference").value("SO-1"))
                .andExpect(jsonPath("$.tier").doesNotExist());
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        points("""
                {"customerCode": "VIP-1", "points": 0, "idempotencyKey": "zero"}""")
                .andExpect(status().isUnprocessableContent());
        points("""
                {"customerCode": "VIP-1", "points": 5}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("idempotency key")));
        points("""
                {"customerCode": "VIP-1", "points": 5, "reason": "REFUND", "idempotencyKey": "r"}""")
                .andExpect(status().isUnprocessableContent());
        points("""
                {"customerCode": "NOBODY", "points": 5, "idempotencyKey": "n"}""").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/loyalty/customers/VIP-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void aRewardIsRedeemedOncePerKeyWhileStockAndPointsLast() throws Exception {
        shop.signInAsOwner();
        long cup = rewards.create(shop.id(), new com.tierpilot.loyalty.RewardDraft("Cup", null, 50, 1, true)).id();
        long pot = rewards.create(shop.id(), new com.tierpilot.loyalty.RewardDraft("Pot", null, 500, null, true)).id();
        TestTenants.signOut();
        points("""
                {"customerCode": "VIP-1", "points": 120, "idempotencyKey": "start"}""").andExpect(status().isOk());

        mvc.perform(get("/api/v1/loyalty/rewards").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].name").value("Cup")).andExpect(jsonPath("$[0].remaining").value(1));
        redeem(cup, """
                {"customerCode": "VIP-1", "idempotencyKey": "till-1:42"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(50)).andExpect(jsonPath("$.balance").value(70))
                .andExpect(jsonPath("$.repeated").value(false));
        redeem(cup, """
                {"customerCode": "VIP-1", "idempotencyKey": "till-1:42"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(70)).andExpect(jsonPath("$.repeated").value(true));
        redeem(cup, """
                {"customerCode": "VIP-1", "idempotencyKey": "till-1:43"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("out of stock")));
        redeem(pot, """
                {"customerCode": "VIP-1", "idempotencyKey": "till-1:44"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("500 needed, 70 available")));
        redeem(pot, """
                {"idempotencyKey": "till-1:45"}""").andExpect(status().isUnprocessableContent());
        redeem(pot + 1000, """
                {"customerCode": "VIP-1", "idempotencyKey": "till-1:46"}""").andExpect(status().isNotFound());
    }

    /** Every answer is also checked against the published OpenAPI document. */
    private ResultActions redeem(long reward, String body) throws Exception {
        return mvc.perform(post("/api/v1/loyalty/rewards/" + reward + "/redeem")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType("application/json").content(body))
                .andExpect(ApiContract.of(mvc).conforms());
    }

    private ResultActions points(String body) throws Exception {
        return mvc.perform(post("/api/v1/loyalty/points").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType("application/json").content(body)).andExpect(ApiContract.of(mvc).conforms());
    }
}
