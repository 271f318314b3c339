package com.tierpilot.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OrderRow;
import com.tierpilot.support.ApiContract;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.UserAdminService;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The REST API as a shop system uses it: with a real token, through the whole security chain. */
@IntegrationTest
class CustomerApiTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    UserAdminService userAdmin;

    TestTenant shop;
    String token;

    @BeforeEach
    void aShopWithAToken() {
        shop = tenants.signUp("API Shop", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        token = shop.apiToken();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void customersAreCreatedAndThenUpdatedByCode() throws Exception {
        TierPilotUser manager = shop.addUser(Role.ACCOUNT_MANAGER);
        String customers = """
                [{"code": "C1", "name": "王芳", "phone": 13800138000, "email": "wang.fang@example.com",
                  "gender": "女", "birthday": "1990-05-20", "region": "浙江", "city": "杭州", "industry": "零售",
                  "companySize": "11-50", "channel": "微信小程序", "tags": ["VIP", "vip", "企业客户"],
                  "accountManager": "%s", "marketingConsent": true, "attributes": {"会员卡": "金卡"}},
                 {"code": "C2", "name": "Li Lei", "gender": "MALE"}]""".formatted(manager.email().toUpperCase());

        postJson("/api/v1/customers", customers).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.errors", hasSize(0)));
        postJson("/api/v1/customers", customers).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(2));
        postJson("/api/v1/customers", "[{\"code\": \"c1\", \"name\": \"王芳芳\"}]")
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(1));

        getWithToken("/api/v1/customers/C1").andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("C1")).andExpect(jsonPath("$.name").value("王芳芳"))
                .andExpect(jsonPath("$.phone").value("13800138000")).andExpect(jsonPath("$.gender").value("F"))
                .andExpect(jsonPath("$.birthday").value("1990-05-20")).andExpect(jsonPath("$.city").value("杭州"))
                .andExpect(jsonPath("$.channel").value("微信小程序"))
                .andExpect(jsonPath("$.tags", hasSize(2)))
                .andExpect(jsonPath("$.accountManager").value(manager.email()))
                .andExpect(jsonPath("$.marketingConsent").value(true))
                .andExpect(jsonPath("$.attributes.会员卡").value("金卡"))
                .andExpect(jsonPath("$.orders").value(0)).andExpect(jsonPath("$.revenue").value(0))
                .andExpect(jsonPath("$.firstOrderDate").value(nullValue()))
                .andExpect(jsonPath("$.currency").value("CNY"));
    }

    @Test
    void everyInvalidItemIsReportedWithItsIndexAndFieldAndTheValidOnesAreWritten() throws Exception {
        String customers = """
                [{"code": "OK-1", "name": "Valid"},
                 {"code": "BAD-1", "birthday": "20/05/1990", "gender": "x", "email": "no-at-sign"},
                 {"name": "no code"},
                 "not an object",
                 {"code": "BAD-2", "emial": "typo@example.com"},
                 {"code": "%s"},
                 {"code": "BAD-3", "tags": ["fine", ""], "attributes": {"level": {"nested": 1}}},
                 {"code": "BAD-4", "marketingConsent": "yes"}]""".formatted("X".repeat(65));

        postJson("/api/v1/customers", customers).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors", hasSize(10)))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[1].field").value("gender"))
                .andExpect(jsonPath("$.errors[1].message").value("must be one of M, F, male, female, 男, 女"))
                .andExpect(jsonPath("$.errors[2].field").value("birthday"))
                .andExpect(jsonPath("$.errors[2].message", startsWith("must be an ISO-8601 date (yyyy-MM-dd)")))
                .andExpect(jsonPath("$.errors[3].index").value(2))
                .andExpect(jsonPath("$.errors[3].field").value("code"))
                .andExpect(jsonPath("$.errors[3].message").value("is required"))
                .andExpect(jsonPath("$.errors[4].index").value(3))
                .andExpect(jsonPath("$.errors[4].field").value(nullValue()))
                .andExpect(jsonPath("$.errors[4].message").value("must be a JSON object"))
                .andExpect(jsonPath("$.errors[5].index").value(4))
                .andExpect(jsonPath("$.errors[5].field").value("emial"))
                .andExpect(jsonPath("$.errors[5].message").value("is not a field of a customer"))
                .andExpect(jsonPath("$.errors[6].index").value(5))
                .andExpect(jsonPath("$.errors[6].message").value("must have at most 64 characters (it has 65)"))
                .andExpect(jsonPath("$.errors[7].field").value("tags[1]"))
                .andExpect(jsonPath("$.errors[7].message").value("must not be empty"))
                .andExpect(jsonPath("$.errors[8].field").value("attributes.level"))
                .andExpect(jsonPath("$.errors[8].index").value(6))
                .andExpect(jsonPath("$.errors[8].message").value("must be a string"))
                .andExpect(jsonPath("$.errors[9].index").value(7))
                .andExpect(jsonPath("$.errors[9].field").value("marketingConsent"))
                .andExpect(jsonPath("$.errors[9].message").value("must be true or false"));

        getWithToken("/api/v1/customers/OK-1").andExpect(status().isOk());
        for (String skipped : new String[] {"BAD-1", "BAD-2", "BAD-3", "BAD-4"}) {
            getWithToken("/api/v1/customers/" + skipped).andExpect(status().isNotFound());
        }
    }

    @Test
    void aBatchWithoutAValidItemIsRefusedWithItsErrorsAndWritesNothing() throws Exception {
        postJson("/api/v1/customers", "[{\"code\": \"NONE-1\", \"birthday\": \"2999-01-01\"}]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Unprocessable Content"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.detail", containsString("nothing was written")))
                .andExpect(jsonPath("$.errors[0].index").value(0))
                .andExpect(jsonPath("$.errors[0].field").value("birthday"));

        getWithToken("/api/v1/customers/NONE-1").andExpect(status().isNotFound());
    }

    @Test
    void aBodyThatIsNotAnArrayOfOneToAThousandObjectsIsRefused() throws Exception {
        postJson("/api/v1/customers", "{\"code\": \"C1\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("The request body must be a JSON array of customer objects."));
        postJson("/api/v1/orders", "[]").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("A request must hold 1 to 1000 orders; this one holds 0."));
        postJson("/api/v1/customers", "").andExpect(status().isUnprocessableContent());
        String tooMany = IntStream.range(0, Batch.MAX_ITEMS + 1).mapToObj(i -> "{\"code\": \"MANY-" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        postJson("/api/v1/customers", tooMany).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("this one holds 1001")));
        getWithToken("/api/v1/customers/MANY-0").andExpect(status().isNotFound());

        postJson("/api/v1/customers", "[{\"code\": \"C1\",]").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", startsWith("The request body is not valid JSON (line 1, column")));
    }

    @Test
    void aThousandCustomersAreWrittenInOneRequest() throws Exception {
        String thousand = IntStream.range(0, Batch.MAX_ITEMS).mapToObj(i -> "{\"code\": \"K-" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));

        postJson("/api/v1/customers", thousand).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1000));
    }

    @Test
    void theLastOccurrenceOfACodeInARequestWins() throws Exception {
        postJson("/api/v1/customers", """
                [{"code": "DUP", "name": "first"}, {"code": "dup", "name": "second"},
                 {"code": "DUP", "name": "third", "birthday": "not a date"}]""")
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.errors", hasSize(1)));

        getWithToken("/api/v1/customers/DUP").andExpect(jsonPath("$.name").value("second"));
    }

    @Test
    void anAccountManagerMustBeAnActiveUserOfTheSameCompany() throws Exception {
        TierPilotUser marketer = shop.addUser(Role.MARKETER);
        TierPilotUser leaver = shop.addUser(Role.ACCOUNT_MANAGER);
        shop.signInAsOwner();
        userAdmin.deactivate(shop.id(), shop.owner().userId(), leaver.userId());
        TierPilotUser otherCompanysManager = tenants.signUp("Other Shop").addUser(Role.ACCOUNT_MANAGER);

        postJson("/api/v1/customers", """
                [{"code": "AM-1", "accountManager": "%s"}, {"code": "AM-2", "accountManager": "%s"},
                 {"code": "AM-3", "accountManager": "%s"}, {"code": "AM-4", "accountManager": "nobody@example.com"}]"""
                .formatted(marketer.email(), otherCompanysManager.email(), leaver.email()))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors[*].index").value(org.hamcrest.Matchers.contains(1, 2, 3)))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("accountManager"))))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must be the e-mail address of an active user of your company"));

        getWithToken("/api/v1/customers/AM-1").andExpect(jsonPath("$.accountManager").value(marketer.email()));
    }

    @Test
    void anOrderOfAnUnknownCustomerCreatesABareCustomer() throws Exception {
        postJson("/api/v1/orders", """
                [{"orderNo": "SO-1", "customerCode": "NEW-1", "orderedAt": "2025-03-01T10:00:00", "amount": 99.9},
                 {"orderNo": "SO-2", "customerCode": "NEW-1", "orderedAt": "2025-03-04", "amount": "100.10",
                  "quantity": 3, "category": "护肤", "channel": "天猫"},
                 {"orderNo": "SO-2-R", "customerCode": "NEW-1", "orderedAt": "2025-03-05", "amount": -20,
                  "status": "refunded"}]""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3));

        getWithToken("/api/v1/customers/NEW-1").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(nullValue()))
                .andExpect(jsonPath("$.orders").value(2)).andExpect(jsonPath("$.revenue").value(180.0))
                .andExpect(jsonPath("$.firstOrderDate").value("2025-03-01"))
                .andExpect(jsonPath("$.lastOrderDate").value("2025-03-04"));
    }

    @Test
    void orderTimesAreKeptInTheCompanysTimeZone() throws Exception {
        postJson("/api/v1/orders", """
                [{"orderNo": "T-DATE", "customerCode": "ZONE", "orderedAt": "2025-03-01", "amount": 1},
                 {"orderNo": "T-LOCAL", "customerCode": "ZONE", "orderedAt": "2025-03-01T14:30:15.789", "amount": 1},
                 {"orderNo": "T-UTC", "customerCode": "ZONE", "orderedAt": "2025-03-01T18:30:00Z", "amount": 1},
                 {"orderNo": "T-OFFSET", "customerCode": "ZONE", "orderedAt": "2025-03-01T08:00:00-05:00",
                  "amount": 1},
                 {"orderNo": "T-ZONE", "customerCode": "ZONE", "orderedAt": "2025-03-01T09:00:00+09:00[Asia/Tokyo]",
                  "amount": 1}]""")
                .andExpect(jsonPath("$.created").value(5));

        assertThat(orderTimes("ZONE")).containsExactlyInAnyOrder(
                LocalDateTime.parse("2025-03-01T00:00:00"),
                LocalDateTime.parse("2025-03-01T14:30:15"),
                LocalDateTime.parse("2025-03-02T02:30:00"),
                LocalDateTime.parse("2025-03-01T21:00:00"),
                LocalDateTime.parse("2025-03-01T08:00:00"));
    }

    @Test
    void ordersAreCheckedFieldByField() throws Exception {
        postJson("/api/v1/orders", """
                [{"orderNo": "R-1", "customerCode": "C", "orderedAt": "2025-03-01", "amount": 20,
                  "status": "REFUNDED"},
                 {"orderNo": "N-1", "customerCode": "C", "orderedAt": "2025-03-01", "amount": -5},
                 {"orderNo": "D-1", "customerCode": "C", "orderedAt": "2025-03-01", "amount": 1.005},
                 {"orderNo": "Q-1", "customerCode": "C", "orderedAt": "2025-03-01", "amount": 1, "quantity": -1},
                 {"orderNo": "S-1", "customerCode": "C", "orderedAt": "2025-03-01", "amount": 1, "status": "PAID"},
                 {"orderNo": "F-1", "customerCode": "C", "orderedAt": "2999-03-01", "amount": 1},
                 {"orderNo": "X-1", "customerCode": "C", "orderedAt": "01.03.2025", "amount": "abc"},
                 {"customerCode": "C"}]""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message", startsWith("must be negative for a REFUNDED order")))
                .andExpect(jsonPath("$.errors[1].message").value("may be negative only for a REFUNDED order"))
                .andExpect(jsonPath("$.errors[2].message").value("must have at most 2 decimal places"))
                .andExpect(jsonPath("$.errors[3].field").value("quantity"))
                .andExpect(jsonPath("$.errors[4].field").value("status"))
                .andExpect(jsonPath("$.errors[5].field").value("orderedAt"))
                .andExpect(jsonPath("$.errors[6].field").value("orderedAt"))
                .andExpect(jsonPath("$.errors[7].field").value("amount"))
                .andExpect(jsonPath("$.errors[8].index").value(7))
                .andExpect(jsonPath("$.errors[*].field", hasSize(11)));
    }

    @Test
    void theProfileOfAnUnknownCustomerIsAProblemDetail() throws Exception {
        getWithToken("/api/v1/customers/NOPE").andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Not found, or you have no access to it."));
    }

    @Test
    void wrongPathsMethodsAndContentTypesAreProblemDetailsToo() throws Exception {
        getWithToken("/api/v1/nothing-here").andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.instance").value("/api/v1/nothing-here"))
                .andExpect(jsonPath("$.detail").value("There is no endpoint GET /api/v1/nothing-here."
                        + " The endpoints are described at /v3/api-docs."));
        getWithToken("/api/v1/orders").andExpect(status().isMethodNotAllowed())
                .andExpect(header().string(HttpHeaders.ALLOW, "POST"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
        mvc.perform(post("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("code=C1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("application/x-www-form-urlencoded")));
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedWith401() throws Exception {
        mvc.perform(get("/api/v1/customers/C1")).andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"TierPilot API\""))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail", containsString("Authorization: Bearer <token>")));
        for (String header : new String[] {"Bearer tp_guessed", "Basic dXNlcjpwYXNz", "Bearer " + token + "x"}) {
            mvc.perform(post("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, header)
                    .contentType(MediaType.APPLICATION_JSON).content("[{\"code\": \"SNEAK\"}]"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"invalid_token\"")))
                    .andExpect(jsonPath("$.detail", startsWith("The API token is invalid or has been revoked.")));
        }
        getWithToken("/api/v1/customers/SNEAK").andExpect(status().isNotFound());
    }

    @Test
    void theSignedInSessionOfTheUiDoesNotOpenTheApi() throws Exception {
        TierPilotUser owner = shop.owner();
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities())));

        mvc.perform(get("/api/v1/customers/C1").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aPrincipalThatIsNoApiClientIsRefusedWith403() throws Exception {
        TierPilotUser owner = shop.owner();

        mvc.perform(get("/api/v1/customers/C1").with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value("This API token may not do this."));
    }

    @Test
    void apiRequestsAreLoggedWithTheirTenant() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Batch.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            postJson("/api/v1/customers", "[{\"code\": \"LOG-1\"}]").andExpect(status().isOk());
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("tenantId", shop.id().toString()));
    }

    private List<LocalDateTime> orderTimes(String customerCode) {
        TenantId tenant = shop.id();
        long id = queries.byCode(tenant, customerCode).orElseThrow().id();
        return queries.orders(tenant, id, 0, 100).stream().map(OrderRow::orderedAt).toList();
    }

    /** Every answer is also checked against the published OpenAPI document. */
    private ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(ApiContract.of(mvc).conforms());
    }

    private ResultActions getWithToken(String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(ApiContract.of(mvc).conforms());
    }
}
