package com.tierpilot.customer.api;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.support.ApiContract;
import com.tierpilot.support.HttpApi;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Numbers and texts out of their documented range are refused per item with 422, never answered with 500 or
 * written: a non-finite amount, points that would push a balance past its limit (or past an int), an expiry in the
 * past, a NUL byte in a code. A customer code with a slash can be read back. Every answer is checked against the
 * OpenAPI document.
 */
@IntegrationTest
class ApiInputRangesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    PointsLedgerService ledger;

    TestTenant shop;
    HttpApi api;
    ApiContract contract;

    @BeforeEach
    void aShopWithAMemberAndAToken() {
        shop = tenants.signUp("Range Tea", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        customers.upsertCustomers(shop.id(), List.of(customer("VIP-1", "王芳", "杭州")));
        api = new HttpApi("http://127.0.0.1:" + port, shop.apiToken());
        contract = ApiContract.of(api);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aNonFiniteAmountIsAnErrorOfItsItemAndTheOtherItemsAreWritten() {
        HttpResponse<String> answer = post("/api/v1/orders", """
                [{"orderNo": "SO-1", "customerCode": "VIP-1", "orderedAt": "2025-03-01", "amount": 1e400},
                 {"orderNo": "SO-2", "customerCode": "VIP-1", "orderedAt": "2025-03-01", "amount": -1e400,
                  "status": "REFUNDED"},
                 {"orderNo": "SO-3", "customerCode": "VIP-1", "orderedAt": "2025-03-01", "amount": 10,
                  "quantity": 2147483648},
                 {"orderNo": "SO-4", "customerCode": "VIP-1", "orderedAt": "2025-03-01", "amount": 88.00}]""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"created\":1").contains("\"index\":0,\"field\":\"amount\"")
                .contains("\"index\":1,\"field\":\"amount\"").contains("\"index\":2,\"field\":\"quantity\"");
        assertThat(post("/api/v1/orders", """
                [{"orderNo": "SO-5", "customerCode": "VIP-1", "orderedAt": "2025-03-01", "amount": 1e400}]""")
                .statusCode()).isEqualTo(422);
    }

    @Test
    void pointsThatWouldPushABalancePastItsLimitAreRefusedWith422AndChangeNothing() {
        long vip = queries.byCode(shop.id(), "VIP-1").orElseThrow().id();
        ledger.award(shop.id(), vip, PointsLedgerService.MAX_BALANCE - 10, PointsReason.ADJUSTMENT, null, "start", null);

        HttpResponse<String> pastTheLimit = points(11, "over");
        assertThat(pastTheLimit.statusCode()).as(pastTheLimit.body()).isEqualTo(422);
        assertThat(pastTheLimit.body()).contains("at most 1,000,000,000 points");
        assertThat(points(10, "up-to").statusCode()).isEqualTo(200);
        assertThat(ledger.balance(shop.id(), vip).points()).isEqualTo(PointsLedgerService.MAX_BALANCE);

        assertThat(points(2_000_000_000L, "two-billion").statusCode()).isEqualTo(422);
        assertThat(points(2_147_483_648L, "past-an-int").statusCode()).isEqualTo(422);
        assertThat(ledger.balance(shop.id(), vip).points()).isEqualTo(PointsLedgerService.MAX_BALANCE);
    }

    @Test
    void pointsThatExpireInThePastOrCenturiesAheadAreRefused() {
        for (String expiresOn : List.of("1900-01-01", "2000-01-01", "9999-12-31")) {
            HttpResponse<String> answer = post("/api/v1/loyalty/points", """
                    {"customerCode": "VIP-1", "points": 10, "idempotencyKey": "e-%s", "expiresOn": "%s"}"""
                    .formatted(expiresOn, expiresOn));
            assertThat(answer.statusCode()).as(expiresOn + ": " + answer.body()).isEqualTo(422);
            assertThat(answer.body()).contains("can expire from");
        }
        HttpResponse<String> farPast = post("/api/v1/loyalty/points", """
                {"customerCode": "VIP-1", "points": 10, "idempotencyKey": "e-x", "expiresOn": "+10000-01-01"}""");
        assertThat(farPast.statusCode()).as(farPast.body()).isEqualTo(422);
        long vip = queries.byCode(shop.id(), "VIP-1").orElseThrow().id();
        assertThat(ledger.balance(shop.id(), vip).points()).isZero();
    }

    @Test
    void aCodeWithANulByteOrALineBreakIsAnErrorOfItsItem() {
        HttpResponse<String> answer = post("/api/v1/customers", """
                [{"code": "NUL\\u0000CODE"}, {"code": "LINE\\nBREAK"}, {"code": "TAB\\tCODE"}]""");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("\"index\":0,\"field\":\"code\"").contains("\"index\":1,\"field\":\"code\"")
                .contains("\"index\":2,\"field\":\"code\"").contains("control characters");
        assertThat(queries.byCode(shop.id(), "NUL\u0000CODE")).isEmpty();
    }

    @Test
    void aCustomerCodeWithASlashCreatedThroughTheApiIsReadBackPercentEncoded() {
        assertThat(post("/api/v1/customers", "[{\"code\": \"KH/2024/001\", \"name\": \"Slash\"}]").statusCode())
                .isEqualTo(200);

        HttpResponse<String> profile = get("/api/v1/customers/KH%2F2024%2F001");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(profile.body()).contains("\"code\":\"KH/2024/001\"").contains("\"name\":\"Slash\"");
        HttpResponse<String> points = get("/api/v1/loyalty/customers/KH%2F2024%2F001");
        assertThat(points.statusCode()).as(points.body()).isEqualTo(200);
        assertThat(get("/api/v1/customers/KH%2F2024%2F002").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/KH/2024/001").statusCode()).as("a slash that is not encoded").isEqualTo(404);
    }

    private HttpResponse<String> points(long points, String key) {
        return post("/api/v1/loyalty/points", """
                {"customerCode": "VIP-1", "points": %d, "idempotencyKey": "%s"}""".formatted(points, key));
    }

    private HttpResponse<String> post(String path, String body) {
        return checked("POST", path, api.post(path, body));
    }

    private HttpResponse<String> get(String path) {
        return checked("GET", path, api.get(path));
    }

    private HttpResponse<String> checked(String method, String path, HttpResponse<String> answer) {
        assertThat(contract.disagreements(method, path, answer))
                .as("%s %s answered %s %s, which the OpenAPI document does not describe", method, path,
                        answer.statusCode(), answer.body())
                .isEmpty();
        return answer;
    }
}
