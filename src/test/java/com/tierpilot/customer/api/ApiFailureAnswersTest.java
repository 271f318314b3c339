package com.tierpilot.customer.api;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.support.DatabaseOutage;
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
 * Whatever fails under /api/, the client gets a problem detail that says so: 503 with Retry-After when the database
 * cannot be reached (also while the bearer token is checked, in the security filters), 400 for an address Tomcat or
 * the firewall refuses, 404 for an unknown endpoint. Never Vaadin's page, never a redirect to the login page, never
 * Tomcat's HTML error page.
 */
@IntegrationTest
class ApiFailureAnswersTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    DatabaseOutage outage;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    PointsLedgerService ledger;

    TestTenant shop;
    HttpApi api;

    @BeforeEach
    void aShopWithAMemberAndAToken() {
        shop = tenants.signUp("Fault Tea", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        customers.upsertCustomers(shop.id(), List.of(customer("VIP-1", "王芳", "杭州")));
        api = new HttpApi("http://127.0.0.1:" + port, shop.apiToken());
    }

    @AfterEach
    void databaseBackAndSignedOut() {
        outage.restore();
        TestTenants.signOut();
    }

    @Test
    void whenTheDatabaseIsUnreachableWhileTheTokenIsCheckedTheWriteIsRefusedWith503AndRetryAfter() {
        outage.cut();
        HttpResponse<String> answer = api.post("/api/v1/loyalty/points",
                "{\"customerCode\": \"VIP-1\", \"points\": 10, \"idempotencyKey\": \"k-1\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(HttpApi.mediaType(answer)).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":503").contains("nothing was written");
        outage.restore();
        assertThat(balance()).isZero();
    }

    @Test
    void whenTheDatabaseGoesInTheMiddleOfARequestTheClientGets503AndTheSameRetryWorksLater() {
        outage.cutAfter(1); // the token check gets its connection; the write does not
        HttpResponse<String> answer = api.post("/api/v1/loyalty/points",
                "{\"customerCode\": \"VIP-1\", \"points\": 10, \"idempotencyKey\": \"k-2\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(HttpApi.mediaType(answer)).isEqualTo("application/problem+json");

        outage.restore();
        HttpResponse<String> retry = api.post("/api/v1/loyalty/points",
                "{\"customerCode\": \"VIP-1\", \"points\": 10, \"idempotencyKey\": \"k-2\"}");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(balance()).isEqualTo(10);
    }

    @Test
    void addressesThatTomcatOrTheFirewallRefuseAreProblemDetailsUnderTheApi() {
        for (String path : List.of("/api/v1/customers/%2e%2e", "/api/v1/customers/%00", "/api/v1/orders%2Fx",
                "/api/v1/customers/a%5Cb", "/api/%2e%2e/login", "/api/v1/customers/a;b")) {
            HttpResponse<String> answer = api.get(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(HttpApi.mediaType(answer)).as(path).isEqualTo("application/problem+json");
            assertThat(answer.body()).as(path).contains("\"status\":400").doesNotContain("<html");
        }
    }

    @Test
    void anUnknownAddressUnderTheApiIsA404ProblemDetailWithOrWithoutAToken() {
        for (HttpApi client : List.of(api, new HttpApi("http://127.0.0.1:" + port, null))) {
            HttpResponse<String> answer = client.get("/api/v2/nothing-here");
            assertThat(answer.statusCode()).as(answer.body()).isIn(401, 404);
            assertThat(HttpApi.mediaType(answer)).isEqualTo("application/problem+json");
        }
        assertThat(api.get("/api/v2/nothing-here").statusCode()).isEqualTo(404);
    }

    private int balance() {
        long id = queries.byCode(shop.id(), "VIP-1").orElseThrow().id();
        return ledger.balance(shop.id(), id).points();
    }
}
