package com.tierpilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.analytics.ui.DashboardView;
import com.tierpilot.base.Role;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.campaign.ui.RedeemView;
import com.tierpilot.churn.ChurnListService;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.ui.CustomerDetailView;
import com.tierpilot.customer.ui.CustomerListView;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.loyalty.RewardDraft;
import com.tierpilot.loyalty.RewardService;
import com.tierpilot.loyalty.ui.RewardsView;
import com.tierpilot.revisit.ContactChannel;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.revisit.TaskWindow;
import com.tierpilot.sales.ui.SharedPoolView;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentResultService;
import com.tierpilot.segmentation.SegmentSize;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.segmentation.ui.SegmentsView;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.RoutesAndEndpoints;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.UserAdminService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Data scope by role (issue 20): an account manager reaches their own customers and the shared pool's, never a
 * colleague's, on every screen and through the REST API with a token bound to them; owners, marketers and company
 * tokens see all. Two managers of one company, each with a customer, and one customer in the pool. The last test
 * lists every screen an account manager may open and every endpoint of the API: each must be covered here, so that
 * a new one cannot be forgotten.
 */
@IntegrationTest
class DataScopeTest extends SpringBrowserlessTest {

    /** Every screen an account manager may open and every API endpoint, and the test here that shows its scope. */
    private static final Map<String, String> SCOPED = Map.ofEntries(
            Map.entry("route:customers", "theCustomerListHoldsTheManagersOwnCustomersAndThePool"),
            Map.entry("route:customers/:code*", "aColleaguesCustomerPageReadsAsUnknown"),
            Map.entry("route:pool", "theCustomerListHoldsTheManagersOwnCustomersAndThePool"),
            Map.entry("route:churn", "theChurnListAndTheTasksAreTheManagersOwn"),
            Map.entry("route:tasks", "theChurnListAndTheTasksAreTheManagersOwn"),
            Map.entry("route:pipeline", "PipelineViewTest.aManagerSeesTheirOwnAndThePoolsNotAColleagues"),
            Map.entry("route:", "theDashboardsFiguresAreTheManagersOwnAndThePools"),
            Map.entry("route:segments", "segmentCountsAreTheManagersOwnAndThePools"),
            Map.entry("route:rewards", "theRewardAndCouponCountersRefuseAColleaguesCustomer"),
            Map.entry("route:coupons/redeem", "theRewardAndCouponCountersRefuseAColleaguesCustomer"),
            Map.entry("GET /api/v1/customers/{code}", "aManagersTokenReadsAndWritesOnlyTheirOwnAndThePoolsCustomers"),
            Map.entry("POST /api/v1/customers", "aManagersTokenReadsAndWritesOnlyTheirOwnAndThePoolsCustomers"),
            Map.entry("GET /api/v1/customers/{code}/sales",
                    "aManagersTokenReadsAndWritesOnlyTheirOwnAndThePoolsCustomers"),
            Map.entry("PUT /api/v1/customers/{code}/sales",
                    "aManagersTokenReadsAndWritesOnlyTheirOwnAndThePoolsCustomers"),
            Map.entry("POST /api/v1/orders", "aManagersTokenReadsAndWritesOnlyTheirOwnAndThePoolsCustomers"),
            Map.entry("POST /api/v1/loyalty/points", "aManagersTokenReachesOnlyTheirOwnAndThePoolsPointsAndCoupons"),
            Map.entry("GET /api/v1/loyalty/customers/{code}",
                    "aManagersTokenReachesOnlyTheirOwnAndThePoolsPointsAndCoupons"),
            Map.entry("GET /api/v1/loyalty/rewards", "aManagersTokenReachesOnlyTheirOwnAndThePoolsPointsAndCoupons"),
            Map.entry("POST /api/v1/loyalty/rewards/{id}/redeem",
                    "aManagersTokenReachesOnlyTheirOwnAndThePoolsPointsAndCoupons"),
            Map.entry("POST /api/v1/coupons/redeem", "aManagersTokenReachesOnlyTheirOwnAndThePoolsPointsAndCoupons"),
            Map.entry("POST /api/v1/coupons/reverse", "aManagersTokenReachesOnlyTheirOwnAndThePoolsPointsAndCoupons"),
            Map.entry("GET /api/v1/segments", "segmentCountsAreTheManagersOwnAndThePools"),
            Map.entry("POST /api/v1/segmentation/runs", "aManagersTokenCannotRecomputeAndStopsWithTheManager"),
            Map.entry("GET /api/v1/segmentation/runs/{id}", "aManagersTokenCannotRecomputeAndStopsWithTheManager"));

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
    ChurnListService churn;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    com.tierpilot.customer.CustomerProfileService queries;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokenService apiTokens;
    @Autowired
    SegmentResultService segmentQueries;
    @Autowired
    RuleSegmentService ruleSegments;
    @Autowired
    RewardService rewards;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    UserAdminService users;

    TestTenant shop;
    TierPilotUser east;
    TierPilotUser south;

    @BeforeEach
    void twoManagersEachWithACustomerAndOneInThePool() {
        shop = tenants.signUp("Scope Co", CampaignFixtures.SHANGHAI, com.tierpilot.base.i18n.SupportedLocales.ENGLISH)
                .signInAsOwner();
        east = shop.addUser(Role.ACCOUNT_MANAGER);
        south = shop.addUser(Role.ACCOUNT_MANAGER);
        new CampaignFixtures(customers, segmentation, campaigns, clock).atRiskCustomers(shop.id(), "S", 3,
                i -> i == 1 ? east.userId() : i == 2 ? south.userId() : null);
        TestTenants.signIn(east);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theCustomerListHoldsTheManagersOwnCustomersAndThePool() {
        navigate(CustomerListView.class);
        Grid<?> list = find(Grid.class).withId("customer-grid").single();
        assertThat(codes(list)).containsExactlyInAnyOrder("S1", "S3");
        navigate(SharedPoolView.class);
        assertThat(codes(find(Grid.class).withId("pool-grid").single())).containsExactly("S3");

        shop.signInAsOwner();
        navigate(CustomerListView.class);
        assertThat(codes(find(Grid.class).withId("customer-grid").single())).as("the owner sees all")
                .containsExactlyInAnyOrder("S1", "S2", "S3");
    }

    @Test
    void aColleaguesCustomerPageReadsAsUnknown() {
        navigate("customers/S2", CustomerDetailView.class);
        assertThat(find(H2.class).withId("customer-not-found").exists()).isTrue();
        assertThat(find(H2.class).withId("customer-title").exists()).isFalse();
        navigate("customers/S3", CustomerDetailView.class);
        assertThat(find(H2.class).withId("customer-title").single().getText()).contains("S3");
        navigate("customers/S1", CustomerDetailView.class);
        assertThat(find(H2.class).withId("customer-title").single().getText()).contains("S1");
    }

    @Test
    void theChurnListAndTheTasksAreTheManagersOwn() {
        assertThat(churn.page(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, 0, 50))
                .extracting(e -> e.code()).containsExactly("S1");
        TestTenants.signIn(south);
        long s2 = queries.byCode(shop.id(), "S2").orElseThrow().id();
        tasks.createFollowUp(shop.id(), south.userId(), Role.ACCOUNT_MANAGER, s2, tasks.today(shop.id()),
                ContactChannel.CALL, null, "Call back");
        TestTenants.signIn(east);
        assertThat(tasks.open(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, south.userId().value(),
                TaskWindow.TODAY, tasks.today(shop.id()), 0, 50)).as("asking for south's tasks gives east's own")
                .isEmpty();
    }

    @Test
    void theDashboardsFiguresAreTheManagersOwnAndThePools() {
        navigate(DashboardView.class);
        assertThat(kpi("kpi-customers")).as("S1 and the pool's S3").isEqualTo("2");
        assertThat(find(Paragraph.class).withId("dashboard-scope").exists()).isTrue();

        shop.signInAsOwner();
        navigate(CustomerListView.class);
        navigate(DashboardView.class);
        assertThat(kpi("kpi-customers")).as("the owner sees all").isEqualTo("3");
        assertThat(find(Paragraph.class).withId("dashboard-scope").exists()).isFalse();
    }

    @Test
    void segmentCountsAreTheManagersOwnAndThePools() throws Exception {
        shop.signInAsOwner();
        ruleSegments.create(shop.id(), shop.owner().userId(), "Shanghai", new RuleNode.Condition(RuleField.REGION,
                RuleOperator.EQUALS, List.of("上海"), null));
        segmentation.runNow(shop.id(), null, RunTrigger.MANUAL);
        assertThat(customers(segmentQueries.sizes(shop.id()), "LIFECYCLE")).isEqualTo(3);
        assertThat(customers(segmentQueries.sizes(shop.id()), "RULE")).isEqualTo(3);
        String company = shop.apiToken();
        String eastsToken = tokenOf(east);

        TestTenants.signIn(east);
        var own = segmentQueries.sizes(shop.id(), DataScope.of(east.userId()));
        assertThat(customers(own, "LIFECYCLE")).as("S1 and S3").isEqualTo(2);
        assertThat(customers(own, "RULE")).as("the rule segment's members: S1 and S3").isEqualTo(2);
        assertThat(customers(own, "RFM")).isEqualTo(2);
        navigate(SegmentsView.class);
        assertThat(find(Paragraph.class).withId("segments-current-run").single().getText()).contains(
                "2 of your own");
        Grid<?> lifecycle = find(Grid.class).withId("segments-lifecycle").single();
        assertThat(test(lifecycle).getCellText(0, 1)).isEqualTo("2");

        api(get("/api/v1/segments"), eastsToken).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.scheme == 'RULE')].customers").value(2));
        api(get("/api/v1/segments"), company).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.scheme == 'RULE')].customers").value(3));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRewardAndCouponCountersRefuseAColleaguesCustomer() {
        shop.signInAsOwner();
        long s2 = queries.byCode(shop.id(), "S2").orElseThrow().id();
        var cup = rewards.create(shop.id(), new RewardDraft("Cup", null, 50, 5, true));
        ledger.award(shop.id(), s2, 100, PointsReason.MANUAL, null, "gift-s2", null);
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        var campaign = fixtures.launchedOnAtRisk(shop, "Win-back", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "10", null, "0", 1, 1, null));
        String s2Code = codeOf(campaign.id(), "S2");
        TestTenants.signIn(east);

        navigate(RewardsView.class);
        test(find(TextField.class).withId("redeem-customer").single()).setValue("S2");
        test((ComboBox<com.tierpilot.loyalty.Reward>) find(ComboBox.class).withId("redeem-reward").single())
                .selectItem("Cup · 50");
        test(find(Button.class).withId("redeem-button").single()).click();
        assertThat(ledger.balance(shop.id(), s2).points()).as("S2 kept the points").isEqualTo(100);
        assertThat(rewards.get(shop.id(), cup.id()).remaining()).isEqualTo(5);

        navigate(RedeemView.class);
        test(find(TextField.class).withId("redeem-code").single()).setValue(s2Code);
        test(find(TextField.class).withId("redeem-customer").single()).setValue("S2");
        test(find(TextField.class).withId("redeem-orderNo").single()).setValue("EAST-1");
        test(find(BigDecimalField.class).withId("redeem-amount").single()).setValue(BigDecimal.TEN);
        test(find(Button.class).withId("redeem-submit").single()).click();
        assertThat(find(Paragraph.class).withId("redeem-result").single().getElement().getAttribute("data-outcome"))
                .as("a colleague's customer reads as unknown").isEqualTo("UNKNOWN_CUSTOMER");
        String s3Code = codeOf(campaign.id(), "S3");
        TestTenants.signIn(east);
        test(find(TextField.class).withId("redeem-code").single()).setValue(s3Code);
        test(find(TextField.class).withId("redeem-customer").single()).setValue("S3");
        test(find(Button.class).withId("redeem-submit").single()).click();
        assertThat(find(Paragraph.class).withId("redeem-result").single().getElement().getAttribute("data-outcome"))
                .as("the pool's customer is the manager's to serve").isEqualTo("redeemed");
        shop.signInAsOwner();
        assertThat(campaigns.codes(shop.id(), campaign.id(), 0, 10)).extracting(c -> c.customerCode() + " " + c.uses())
                .containsExactlyInAnyOrder("S1 0", "S2 0", "S3 1");
    }

    @Test
    void aManagersTokenReadsAndWritesOnlyTheirOwnAndThePoolsCustomers() throws Exception {
        String token = tokenOf(east);
        String company = shop.apiToken();

        api(get("/api/v1/customers/S1"), token).andExpect(status().isOk());
        api(get("/api/v1/customers/S3"), token).andExpect(status().isOk());
        String unknown = api(get("/api/v1/customers/NO-SUCH"), token).andExpect(status().isNotFound()).andReturn()
                .getResponse().getContentAsString().replace("NO-SUCH", "S2");
        assertThat(api(get("/api/v1/customers/S2"), token).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).as("a colleague's customer reads exactly like an unknown code")
                .isEqualTo(unknown);
        api(get("/api/v1/customers/S2"), company).andExpect(status().isOk());

        api(get("/api/v1/customers/S2/sales"), token).andExpect(status().isNotFound());
        api(put("/api/v1/customers/S2/sales"), token, "{\"need\": \"NONE\"}").andExpect(status().isNotFound());
        api(put("/api/v1/customers/S1/sales"), token, "{\"need\": \"NONE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("E"));

        api(post("/api/v1/customers"), token, "[{\"code\": \"S2\", \"name\": \"East's now\"},"
                + " {\"code\": \"S1\", \"name\": \"East's own\"}, {\"code\": \"S9\"},"
                + " {\"code\": \"S3\", \"accountManager\": \"%s\"}]".formatted(east.email()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.errors[0].index").value(0)).andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[1].index").value(3))
                .andExpect(jsonPath("$.errors[1].field").value("accountManager"));
        api(post("/api/v1/orders"), token, """
                [{"orderNo": "S2-H0", "customerCode": "S1", "orderedAt": "2025-03-01", "amount": 1},
                 {"orderNo": "E-1", "customerCode": "S2", "orderedAt": "2025-03-01", "amount": 1},
                 {"orderNo": "E-2", "customerCode": "S3", "orderedAt": "2025-03-01", "amount": 7}]""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("orderNo"))
                .andExpect(jsonPath("$.errors[1].field").value("customerCode"));

        TestTenants.signIn(south);
        var s2 = queries.byCode(shop.id(), "S2").orElseThrow();
        assertThat(s2.name()).isEqualTo("Customer S2");
        assertThat(s2.orders().count()).as("S2's orders are its own three").isEqualTo(3);
        assertThat(queries.byCode(shop.id(), "S9").orElseThrow().accountManager()).as("a new customer is the pool's")
                .isNull();
        assertThat(queries.byCode(shop.id(), "S3").orElseThrow().accountManager()).as("no claim through the API")
                .isNull();
        assertThat(queries.byCode(shop.id(), "S1").orElseThrow().name()).isEqualTo("East's own");
    }

    @Test
    void aManagersTokenReachesOnlyTheirOwnAndThePoolsPointsAndCoupons() throws Exception {
        shop.signInAsOwner();
        long cup = rewards.create(shop.id(), new RewardDraft("Cup", null, 50, 5, true)).id();
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        var campaign = fixtures.launchedOnAtRisk(shop, "Win-back", 0,
                fixtures.uniqueCodes(DiscountType.FIXED, "10", null, "0", 1, 1, null));
        String token = tokenOf(east);
        String company = shop.apiToken();

        api(post("/api/v1/loyalty/points"), token, "{\"customerCode\": \"S2\", \"points\": 100, \"idempotencyKey\": \"k1\"}")
                .andExpect(status().isNotFound());
        api(post("/api/v1/loyalty/points"), token, "{\"customerCode\": \"S1\", \"points\": 100, \"idempotencyKey\": \"k2\"}")
                .andExpect(status().isOk());
        api(post("/api/v1/loyalty/points"), company, "{\"customerCode\": \"S2\", \"points\": 100, \"idempotencyKey\": \"k3\"}")
                .andExpect(status().isOk());
        api(get("/api/v1/loyalty/customers/S2"), token).andExpect(status().isNotFound());
        api(get("/api/v1/loyalty/customers/S1"), token).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(100));
        api(get("/api/v1/loyalty/rewards"), token).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Cup"));
        api(post("/api/v1/loyalty/rewards/" + cup + "/redeem"), token, "{\"customerCode\": \"S2\", \"idempotencyKey\": \"r1\"}")
                .andExpect(status().isNotFound());
        api(post("/api/v1/loyalty/rewards/" + cup + "/redeem"), token, "{\"customerCode\": \"S1\", \"idempotencyKey\": \"r2\"}")
                .andExpect(status().isOk());

        String redeemS2 = """
                {"code": "%s", "customerCode": "S2", "orderNo": "SO-S2", "orderAmount": 100}"""
                .formatted(codeOf(campaign.id(), "S2"));
        api(post("/api/v1/coupons/redeem"), token, redeemS2).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_CUSTOMER"));
        api(post("/api/v1/coupons/redeem"), company, redeemS2).andExpect(status().isOk());
        api(post("/api/v1/coupons/reverse"), token, "{\"orderNo\": \"SO-S2\"}").andExpect(status().isNotFound());
        api(post("/api/v1/coupons/redeem"), token, """
                {"code": "%s", "customerCode": "S1", "orderNo": "SO-S1", "orderAmount": 100}"""
                .formatted(codeOf(campaign.id(), "S1"))).andExpect(status().isOk());
        api(post("/api/v1/coupons/reverse"), token, "{\"orderNo\": \"SO-S1\"}").andExpect(status().isOk());

        TestTenants.signIn(south);
        long s2 = queries.byCode(shop.id(), "S2").orElseThrow().id();
        assertThat(ledger.balance(shop.id(), s2).points()).as("only the company token's 100").isEqualTo(100);
        assertThat(rewards.get(shop.id(), cup).remaining()).as("one cup, S1's").isEqualTo(4);
    }

    @Test
    void aManagersTokenCannotRecomputeAndStopsWithTheManager() throws Exception {
        String token = tokenOf(east);
        shop.signInAsOwner();
        long run = segmentation.runs(shop.id(), 0, 1).getFirst().id();

        api(post("/api/v1/segmentation/runs"), token, "{}").andExpect(status().isForbidden());
        api(get("/api/v1/segmentation/runs/" + run), token).andExpect(status().isForbidden());
        api(get("/api/v1/segmentation/runs/" + run), shop.apiToken()).andExpect(status().isOk());

        TestTenants.signIn(south);
        assertThatThrownBy(() -> apiTokens.createForManager(shop.id(), south.userId(), Role.ACCOUNT_MANAGER,
                east.userId(), "South's for East")).as("a manager's token is made by them or the owner")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(apiTokens.createForManager(shop.id(), south.userId(), Role.ACCOUNT_MANAGER, south.userId(),
                "South's own").token()).startsWith("tp_");

        shop.signInAsOwner();
        users.deactivate(shop.id(), shop.owner().userId(), east.userId());
        api(get("/api/v1/customers/S1"), token).andExpect(status().isUnauthorized());
    }

    @Test
    void everyScreenAnAccountManagerMayOpenAndEveryApiEndpointIsScoped() {
        Set<String> found = RoutesAndEndpoints.all(RoutesAndEndpoints.classes(),
                view -> view.isAnnotationPresent(PermitAll.class) || view.isAnnotationPresent(RolesAllowed.class)
                        && Arrays.asList(view.getAnnotation(RolesAllowed.class).value())
                                .contains(Role.ACCOUNT_MANAGER_NAME));
        found.removeIf(key -> !key.startsWith("route:") && !key.contains(" /api/"));
        assertThat(found).as("screens an account manager may open, and API endpoints").isEqualTo(SCOPED.keySet());
    }

    private String tokenOf(TierPilotUser manager) {
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext();
        shop.signInAsOwner();
        try {
            return apiTokens.createForManager(shop.id(), shop.owner().userId(), Role.OWNER, manager.userId(),
                    "CRM of " + manager.email()).token();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
        }
    }

    private String codeOf(long campaign, String customerCode) {
        shop.signInAsOwner();
        return campaigns.codes(shop.id(), campaign, 0, 10).stream().filter(c -> customerCode.equals(
                c.customerCode())).findFirst().orElseThrow().code();
    }

    private static int customers(List<SegmentSize> sizes, String scheme) {
        return sizes.stream().filter(s -> s.scheme().equals(scheme)).mapToInt(SegmentSize::customers).sum();
    }

    private String kpi(String id) {
        return find(Span.class, find(Div.class).withId(id).single()).withClassName("kpi-value").single().getText();
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
        return api(request.contentType(MediaType.APPLICATION_JSON).content(json), token);
    }

    private java.util.List<String> codes(Grid<?> grid) {
        return java.util.stream.IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getCellText(row, 0))
                .toList();
    }

}
