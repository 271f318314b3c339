package com.tierpilot;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static com.tierpilot.customer.CustomerFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.analytics.ui.DashboardView;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.AccountStatusCheck;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.ApiTokenSummary;
import com.tierpilot.tenant.NewApiToken;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserAdminService;
import com.tierpilot.tenant.UserSummary;
import com.tierpilot.tenant.ui.AcceptInvitationView;
import com.tierpilot.tenant.ui.LoginView;
import com.tierpilot.tenant.ui.SettingsView;
import com.tierpilot.tenant.ui.SignUpConfirmView;
import com.tierpilot.tenant.ui.SignUpView;
import com.tierpilot.tenant.ui.UsersView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
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
 * Two tenants, A and B, both with users and customers. Signed in to A, or with A's API token, nothing of B can be
 * read or changed through any screen, service call or endpoint, even with B's ids and codes in hand. The last test
 * makes sure that every route and endpoint of the application is covered here, so a new one cannot be forgotten.
 */
@IntegrationTest
class CrossTenantTest extends SpringBrowserlessTest {

    /** Every route and endpoint, and the test of this class that covers it. */
    private static final Map<String, String> COVERED = Map.ofEntries(
            Map.entry("route:", "theDashboardCountsOnlyTheTenantsOwnCustomers"),
            Map.entry("route:users", "theUsersScreenListsOnlyTheTenantsOwnUsers"),
            Map.entry("route:settings", "theSettingsScreenShowsAndChangesOnlyTheTenantsOwnSettings"),
            Map.entry("route:settings/delivery", "theMessagingSettingsShowAndUseOnlyTheTenantsOwnAccounts"),
            Map.entry("GET /unsubscribe/{token}", "anUnsubscribeLinkOrReplyCallbackReachesOnlyItsOwnCompany"),
            Map.entry("POST /unsubscribe/{token}", "anUnsubscribeLinkOrReplyCallbackReachesOnlyItsOwnCompany"),
            Map.entry("POST /hooks/sms/replies/{token}", "anUnsubscribeLinkOrReplyCallbackReachesOnlyItsOwnCompany"),
            Map.entry("POST /hooks/sms/reports/{token}", "aStatusReportAtOneCompanysAddressChangesNoMessageOfAnother"),
            Map.entry("GET /l/{token}", "messageTemplatesOutboxAndTrackedLinksStayWithinTheirCompany"),
            Map.entry("route:campaigns/templates", "messageTemplatesOutboxAndTrackedLinksStayWithinTheirCompany"),
            Map.entry("route:login", "anonymousPagesShowNoTenantData"),
            Map.entry("route:signup", "anonymousPagesShowNoTenantData"),
            Map.entry("route:invite/:token", "anonymousPagesShowNoTenantData"),
            Map.entry("route:signup/confirm/:token", "anonymousPagesShowNoTenantData"),
            Map.entry("GET /auth/complete", "aLoginLinkSignsInOnlyItsOwnUser"),
            Map.entry("route:import", "theImportScreenShowsAndChangesOnlyTheTenantsOwnImports"),
            Map.entry("route:segments", "theSegmentScreensShowAndChangeOnlyTheTenantsOwnSegmentation"),
            Map.entry("route:segments/settings", "theSegmentScreensShowAndChangeOnlyTheTenantsOwnSegmentation"),
            Map.entry("route:prediction", "thePredictionScreenShowsAndChangesOnlyTheTenantsOwnPredictions"),
            Map.entry("route:churn", "theChurnListShowsAndChangesOnlyTheTenantsOwnCustomers"),
            Map.entry("route:customers", "theCustomerScreensShowOnlyTheTenantsOwnCustomers"),
            Map.entry("route:customers/:code*", "theCustomerScreensShowOnlyTheTenantsOwnCustomers"),
            Map.entry("route:runs", "theRunHistoryShowsAndChangesOnlyTheTenantsOwnRunsAndSchedule"),
            Map.entry("POST /api/v1/loyalty/points", "anApiTokenAwardsAndReadsOnlyItsOwnTenantsPoints"),
            Map.entry("GET /api/v1/loyalty/customers/{code}", "anApiTokenAwardsAndReadsOnlyItsOwnTenantsPoints"),
            Map.entry("GET /api/v1/loyalty/rewards", "rewardsAreListedAndRedeemedOnlyWithinTheirTenant"),
            Map.entry("POST /api/v1/loyalty/rewards/{id}/redeem", "rewardsAreListedAndRedeemedOnlyWithinTheirTenant"),
            Map.entry("route:rewards", "rewardsAreListedAndRedeemedOnlyWithinTheirTenant"),
            Map.entry("route:tasks", "revisitPlansAndTasksStayWithinTheirTenant"),
            Map.entry("route:revisit-plans", "revisitPlansAndTasksStayWithinTheirTenant"),
            Map.entry("GET /api/v1/customers/{code}", "anApiTokenReadsOnlyItsOwnTenantsCustomers"),
            Map.entry("POST /api/v1/customers", "anApiTokenWritesOnlyIntoItsOwnTenant"),
            Map.entry("GET /api/v1/customers/{code}/sales", "salesStatesAndGradesStayWithinTheirTenant"),
            Map.entry("PUT /api/v1/customers/{code}/sales", "salesStatesAndGradesStayWithinTheirTenant"),
            Map.entry("route:pool", "thePoolClaimsAndFollowUpLogsStayWithinTheirTenant"),
            Map.entry("route:settings/sales", "thePoolClaimsAndFollowUpLogsStayWithinTheirTenant"),
            Map.entry("route:pipeline", "thePoolClaimsAndFollowUpLogsStayWithinTheirTenant"),
            Map.entry("POST /api/v1/orders", "anApiTokenWritesOnlyIntoItsOwnTenant"),
            Map.entry("POST /api/v1/segmentation/runs", "anApiTokenRunsAndReadsOnlyItsOwnTenantsSegmentation"),
            Map.entry("GET /api/v1/segmentation/runs/{id}", "anApiTokenRunsAndReadsOnlyItsOwnTenantsSegmentation"),
            Map.entry("GET /api/v1/segments", "anApiTokenRunsAndReadsOnlyItsOwnTenantsSegmentation"),
            Map.entry("route:campaigns", "theCampaignScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("route:campaigns/new", "theCampaignScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("route:campaigns/:id", "theCampaignScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("route:campaigns/:id/results", "theCampaignScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("route:coupons/redeem", "theCampaignScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("route:campaigns/always-on", "theAlwaysOnScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("route:campaigns/always-on/:id", "theAlwaysOnScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("route:campaigns/always-on/edit/:id?",
                    "theAlwaysOnScreensShowAndChangeOnlyTheTenantsOwnCampaigns"),
            Map.entry("POST /api/v1/coupons/redeem", "anApiTokenNeverRedeemsOrReversesAnotherTenantsCode"),
            Map.entry("POST /api/v1/coupons/reverse", "anApiTokenNeverRedeemsOrReversesAnotherTenantsCode"));

    @Autowired
    TestTenants tenants;
    @Autowired
    UserAdminService userAdmin;
    @Autowired
    TenantService tenantService;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    AccountStatusCheck accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokenService apiTokens;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    com.tierpilot.customer.SalesStateService salesStates;
    @Autowired
    com.tierpilot.customer.CustomerAssignmentService assignment;
    @Autowired
    com.tierpilot.sales.FollowUpLogService followUpLogs;
    @Autowired
    com.tierpilot.sales.SalesSettingsService salesSettings;
    @Autowired
    com.tierpilot.importing.ImportService imports;
    @Autowired
    com.tierpilot.segmentation.SegmentationService segmentation;
    @Autowired
    com.tierpilot.prediction.PredictionService predictions;
    @Autowired
    com.tierpilot.churn.ChurnListService churn;
    @Autowired
    com.tierpilot.loyalty.RewardService rewards;
    @Autowired
    com.tierpilot.revisit.RevisitPlanService revisitPlans;
    @Autowired
    com.tierpilot.revisit.RevisitTaskService revisitTasks;
    @Autowired
    com.tierpilot.campaign.CampaignService campaigns;
    @Autowired
    com.tierpilot.campaign.AlwaysOnCampaignService alwaysOn;
    @Autowired
    com.tierpilot.campaign.CouponService coupons;
    @Autowired
    com.tierpilot.support.MutableClock clock;
    @Autowired
    com.tierpilot.scheduling.TenantScheduleService schedules;
    @Autowired
    com.tierpilot.scheduling.RunAlertService runAlerts;
    @Autowired
    com.tierpilot.delivery.DeliverySettingsService deliverySettings;
    @Autowired
    com.tierpilot.delivery.MarketingConsentService marketingConsent;
    @Autowired
    com.tierpilot.delivery.UnsubscribeService unsubscribes;

    TestTenant a;
    TestTenant b;
    TierPilotUser bMarketer;

    @BeforeEach
    void twoTenantsWithUsersAndCustomers() {
        a = tenants.signUp("Tenant A", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        b = tenants.signUp("Tenant B", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        a.addUser(Role.MARKETER);
        bMarketer = b.addUser(Role.MARKETER);
        customers.upsertCustomers(a.id(), List.of(customer("A-1", "A one", "上海")));
        customers.upsertCustomers(b.id(), IntStream.rangeClosed(1, 3)
                .mapToObj(i -> customer("B-" + i, "B " + i, "北京")).toList());
        a.signInAsOwner();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void anOwnerCannotChangeAnotherTenantsUsersEvenWithTheirIds() {
        var actor = a.owner().userId();
        var victim = bMarketer.userId();

        assertThatThrownBy(() -> userAdmin.changeRole(a.id(), actor, victim, Role.OWNER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> userAdmin.deactivate(a.id(), actor, victim)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> userAdmin.reactivate(a.id(), actor, victim)).isInstanceOf(NotFoundException.class);

        assertThat(accounts.reload(bMarketer)).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.MARKETER));
    }

    @Test
    void anOwnerCannotRevokeAnotherTenantsInvitation() {
        TestTenants.signIn(b.owner());
        userAdmin.invite(b.id(), b.owner().userId(), "invitee-" + System.nanoTime() + "@example.com", Role.MARKETER,
                "http://localhost", SupportedLocales.ENGLISH);
        long bInvitation = userAdmin.pendingInvitations(b.id()).getFirst().id();
        TestTenants.signIn(a.owner());

        assertThatThrownBy(() -> userAdmin.revokeInvitation(a.id(), bInvitation))
                .isInstanceOf(NotFoundException.class);
        TestTenants.signIn(b.owner());
        assertThat(userAdmin.pendingInvitations(b.id())).extracting(p -> p.id()).contains(bInvitation);
    }

    @Test
    void theDashboardCountsOnlyTheTenantsOwnCustomers() {
        TestTenants.signIn(b.owner());
        segmentation.runNow(b.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);
        TestTenants.signIn(a.owner());
        segmentation.runNow(a.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);

        navigate(DashboardView.class);

        Div customersCard = find(Div.class).withId("kpi-customers").single();
        assertThat(find(Span.class, customersCard).withClassName("kpi-value").single().getText()).isEqualTo("1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUsersScreenListsOnlyTheTenantsOwnUsers() {
        navigate(UsersView.class);

        Grid<UserSummary> grid = find(Grid.class).withId("users-grid").single();
        List<UserSummary> rows = new ArrayList<>();
        for (int i = 0; i < test(grid).size(); i++) {
            rows.add(test(grid).getRow(i));
        }
        assertThat(rows).hasSize(2).extracting(UserSummary::userId)
                .doesNotContain(b.owner().userId(), bMarketer.userId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSettingsScreenShowsAndChangesOnlyTheTenantsOwnSettings() {
        TestTenants.signIn(b.owner());
        apiTokens.create(b.id(), b.owner().userId(), "B's shop");
        a.signInAsOwner();
        apiTokens.create(a.id(), a.owner().userId(), "A's shop");

        navigate(SettingsView.class);
        TextField name = find(TextField.class).withId("settings-name").single();
        assertThat(name.getValue()).isEqualTo("Tenant A");
        Grid<ApiTokenSummary> tokens = find(Grid.class).withId("api-tokens").single();
        assertThat(test(tokens).size()).as("only A's own API tokens").isEqualTo(1);
        assertThat(test(tokens).getRow(0).name()).isEqualTo("A's shop");

        test(name).setValue("Tenant A renamed");
        test(find(com.vaadin.flow.component.button.Button.class).withId("settings-save").single()).click();

        assertThat(tenantService.profile(a.id()).name()).isEqualTo("Tenant A renamed");
        assertThat(tenantService.profile(b.id()).name()).isEqualTo("Tenant B");
    }

    @Test
    void theMessagingSettingsShowAndUseOnlyTheTenantsOwnAccounts() {
        TestTenants.signIn(b.owner());
        deliverySettings.saveProvider(b.id(), new com.tierpilot.delivery.ProviderDraft(
                com.tierpilot.delivery.Provider.ALIYUN_SMS, "LTAI-B-KEY", "b-secret-BBBB", "B Shop", null, ""));
        a.signInAsOwner();
        navigate(com.tierpilot.delivery.ui.DeliverySettingsView.class);

        assertThat(find(TextField.class).withId("delivery-aliyun-sms-key-id").single().getValue())
                .as("B's account is not shown to A").isEmpty();
        assertThat(deliverySettings.providers(a.id())).isEmpty();
        find(com.vaadin.flow.component.textfield.IntegerField.class).withId("delivery-weekly-cap").single().setValue(5);
        test(find(com.vaadin.flow.component.button.Button.class).withId("delivery-rules-save").single()).click();
        assertThat(deliverySettings.rules(a.id()).weeklyCap()).isEqualTo(5);
        assertThat(deliverySettings.rules(b.id()).weeklyCap()).as("B keeps its default").isEqualTo(2);
        assertThatThrownBy(() -> deliverySettings.sendTestSms(a.id(), com.tierpilot.delivery.Provider.ALIYUN_SMS,
                com.tierpilot.delivery.SmsMessage.of("13800138000", "SMS_1", Map.of())))
                .as("A cannot send with B's account").hasMessageContaining("delivery.error.providerMissing");
    }

    @Test
    void anUnsubscribeLinkOrReplyCallbackReachesOnlyItsOwnCompany() throws Exception {
        customers.upsertCustomers(a.id(), List.of(new com.tierpilot.customer.CustomerRecord("A-P", "A phone",
                "13800138000", "same@example.com", null, null, null, null, null, null, null, Set.of(), null,
                java.time.LocalDate.of(2025, 1, 1), true, Map.of())));
        customers.upsertCustomers(b.id(), List.of(new com.tierpilot.customer.CustomerRecord("B-P", "B phone",
                "13800138000", "same@example.com", null, null, null, null, null, null, null, Set.of(), null,
                java.time.LocalDate.of(2025, 1, 1), true, Map.of())));
        long aCustomer = queries.byCode(a.id(), "A-P").orElseThrow().id();
        long bCustomer = queries.byCode(b.id(), "B-P").orElseThrow().id();
        var channels = com.tierpilot.delivery.ChannelKind.values();
        for (var channel : channels) {
            marketingConsent.set(a.id(), aCustomer, channel, true, com.tierpilot.delivery.ConsentSource.IMPORT, null);
        }
        TestTenants.signIn(b.owner());
        for (var channel : channels) {
            marketingConsent.set(b.id(), bCustomer, channel, true, com.tierpilot.delivery.ConsentSource.IMPORT, null);
        }
        String bLink = unsubscribes.newToken(b.id(), bCustomer, com.tierpilot.delivery.ChannelKind.EMAIL);
        a.signInAsOwner();
        assertThatThrownBy(() -> marketingConsent.of(a.id(), bCustomer)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> marketingConsent.set(a.id(), bCustomer, com.tierpilot.delivery.ChannelKind.SMS,
                false, com.tierpilot.delivery.ConsentSource.UI, null)).isInstanceOf(NotFoundException.class);
        String aHook = unsubscribes.newReplyHook(a.id());
        TestTenants.signOut();

        mvc.perform(get("/unsubscribe/" + bLink)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tenant B")));
        mvc.perform(post("/unsubscribe/" + bLink)).andExpect(status().isOk());
        mvc.perform(post(aHook).contentType(MediaType.APPLICATION_JSON)
                .content("[{\"phone_number\":\"13800138000\",\"content\":\"T\"}]")).andExpect(status().isOk());

        a.signInAsOwner();
        assertThat(marketingConsent.mayReceive(a.id(), aCustomer, com.tierpilot.delivery.ChannelKind.EMAIL))
                .as("B's link unsubscribes nobody at A").isTrue();
        assertThat(marketingConsent.mayReceive(a.id(), aCustomer, com.tierpilot.delivery.ChannelKind.SMS)).isFalse();
        assertThat(marketingConsent.mayReceive(b.id(), bCustomer, com.tierpilot.delivery.ChannelKind.SMS))
                .as("A's reply callback unsubscribes nobody at B").isTrue();
        assertThat(marketingConsent.mayReceive(b.id(), bCustomer, com.tierpilot.delivery.ChannelKind.EMAIL)).isFalse();
    }

    @Autowired
    com.tierpilot.delivery.MessageTemplateService messageTemplates;
    @Autowired
    com.tierpilot.delivery.OutboxService outbox;
    @Autowired
    com.tierpilot.delivery.persistence.OutboxRepository outboxStore;
    @Autowired
    com.tierpilot.campaign.CampaignDeliveryService campaignDelivery;

    @Test
    void messageTemplatesOutboxAndTrackedLinksStayWithinTheirCompany() throws Exception {
        customers.upsertCustomers(b.id(), List.of(new com.tierpilot.customer.CustomerRecord("B-T", "B mail", null,
                "b@example.com", null, null, null, null, null, null, null, Set.of(), null,
                java.time.LocalDate.of(2025, 1, 1), true, Map.of())));
        long bCustomer = queries.byCode(b.id(), "B-T").orElseThrow().id();
        TestTenants.signIn(b.owner());
        long bTemplate = messageTemplates.save(b.id(), null, "B mail", com.tierpilot.delivery.ChannelKind.EMAIL,
                List.of(new com.tierpilot.delivery.MessageTemplate.Text("en", "Hi", "<p>Hi {{name}}</p>", null)));
        a.signInAsOwner();
        assertThat(messageTemplates.all(a.id())).isEmpty();
        navigate(com.tierpilot.delivery.ui.TemplatesView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("templates-empty").single()
                .isVisible()).as("A's templates screen lists none of B's").isTrue();
        assertThatThrownBy(() -> messageTemplates.preview(a.id(), bTemplate, "B-T", null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messageTemplates.save(a.id(), bTemplate, "Taken", com.tierpilot.delivery.ChannelKind
                .EMAIL, List.of(new com.tierpilot.delivery.MessageTemplate.Text("en", "Hi", "Hi", null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> outbox.forecast(a.id(), com.tierpilot.delivery.ChannelKind.EMAIL, bTemplate,
                List.of(bCustomer))).isInstanceOf(NotFoundException.class);
        assertThat(outbox.ofCustomer(a.id(), bCustomer)).isEmpty();

        String token = com.tierpilot.base.SecretTokens.newToken("");
        outboxStore.saveLink(b.id(), com.tierpilot.base.SecretTokens.hash(token), 4242L, "https://b.example.com/sale");
        TestTenants.signOut();
        mvc.perform(get("/l/" + token)).andExpect(status().isFound())
                .andExpect(header().string("Location", "https://b.example.com/sale"));
        mvc.perform(get("/l/" + com.tierpilot.base.SecretTokens.newToken(""))).andExpect(status().isNotFound());
        assertThat(outboxStore.link(com.tierpilot.base.SecretTokens.hash(token)).orElseThrow().tenant())
                .isEqualTo(b.id());
    }

    @Test
    void aStatusReportAtOneCompanysAddressChangesNoMessageOfAnother() throws Exception {
        long bCustomer = sentSms(b, "B-R", "biz-shared-1");
        long aCustomer = sentSms(a, "A-R", "biz-shared-1");
        a.signInAsOwner();
        String aReports = unsubscribes.newReplyHook(a.id()).replace("/hooks/sms/replies/", "/hooks/sms/reports/");
        TestTenants.signOut();

        mvc.perform(post(aReports).contentType(MediaType.APPLICATION_JSON).content("[{\"phone_number\":"
                + " \"13800138000\", \"report_time\": \"2026-12-07 10:00:05\", \"success\": true, \"err_code\":"
                + " \"DELIVERED\", \"err_msg\": \"用户接收成功\", \"biz_id\": \"biz-shared-1\"}]"))
                .andExpect(status().isOk());

        a.signInAsOwner();
        assertThat(outbox.ofCustomer(a.id(), aCustomer).getFirst().status())
                .isEqualTo(com.tierpilot.delivery.MessageStatus.DELIVERED);
        TestTenants.signIn(b.owner());
        assertThat(outbox.ofCustomer(b.id(), bCustomer).getFirst().status()).as("B's message with the same"
                + " provider id is not reached through A's address").isEqualTo(com.tierpilot.delivery.MessageStatus.SENT);
    }

    /** A customer of the tenant with one SMS the provider accepted under this id. */
    private long sentSms(TestTenants.TestTenant tenant, String code, String providerMessageId) {
        TestTenants.signIn(tenant.owner());
        customers.upsertCustomers(tenant.id(), List.of(new com.tierpilot.customer.CustomerRecord(code, code,
                "13800138000", null, null, null, null, null, null, null, null, Set.of(), null,
                java.time.LocalDate.of(2025, 1, 1), true, Map.of())));
        long customer = queries.byCode(tenant.id(), code).orElseThrow().id();
        long template = messageTemplates.save(tenant.id(), null, "Report SMS " + code,
                com.tierpilot.delivery.ChannelKind.SMS, List.of(new com.tierpilot.delivery.MessageTemplate.Text(
                        "zh-CN", null, "您好", "SMS_1")));
        // Whole milliseconds: H2 rounds a timestamp's nanoseconds to its column's microseconds, so a message due at
        // .1234567 would be stored due at .123457, after the claim's "now", and not be claimed (1 run in 2 or so).
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var messages = new com.tierpilot.delivery.CampaignMessages(9_000_001L, 1,
                com.tierpilot.delivery.ChannelKind.SMS, template, null, null, null, null, null, null, List.of(
                        new com.tierpilot.delivery.CampaignMessages.Recipient(customer, null)));
        outboxStore.insertBatch(tenant.id(), messages, com.tierpilot.delivery.Provider.ALIYUN_SMS, now);
        outboxStore.insertMessages(tenant.id(), messages, com.tierpilot.delivery.Provider.ALIYUN_SMS, List.of(
                new com.tierpilot.delivery.persistence.OutboxRepository.NewMessage(customer, null,
                        com.tierpilot.delivery.MessageStatus.PENDING, null)), now, now);
        long id = outbox.ofCustomer(tenant.id(), customer).getFirst().id();
        outboxStore.claim(tenant.id(), List.of(id), "cross-tenant", now.plusSeconds(300), now);
        outboxStore.markSent(tenant.id(), id, "cross-tenant", providerMessageId, now);
        return customer;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImportScreenShowsAndChangesOnlyTheTenantsOwnImports() throws java.io.IOException {
        TestTenants.signIn(b.owner());
        java.nio.file.Path bFile = java.nio.file.Files.createTempFile("b-", ".csv");
        java.nio.file.Files.writeString(bFile, "code,name\nB-9,Secret\n");
        var bRun = FinishedImports.run(imports, b.id(), b.owner().userId(), bFile, "b-secret.csv",
                imports.analyze(b.id(), bFile).suggested());
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.importing.ui.ImportView.class);
        new com.vaadin.flow.component.tabs.TabSheetTester<>(find(com.vaadin.flow.component.tabs.TabSheet.class)
                .single()).select(1);

        Grid<com.tierpilot.importing.ImportRunStatus> history = find(Grid.class).withId("import-history")
                .single();
        assertThat(test(history).size()).isZero();
        assertThatThrownBy(() -> imports.status(a.id(), bRun.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.writeRejections(a.id(), bRun.id(), new java.io.StringWriter(), k -> k))
                .isInstanceOf(NotFoundException.class);
        // An import by A with B's customer code creates A's own customer and leaves B's untouched.
        java.nio.file.Path aFile = java.nio.file.Files.createTempFile("a-", ".csv");
        java.nio.file.Files.writeString(aFile, "code,name\nB-9,Overwritten?\n");
        FinishedImports.run(imports, a.id(), a.owner().userId(), aFile, "a.csv",
                imports.analyze(a.id(), aFile).suggested());
        assertThat(queries.byCode(b.id(), "B-9").orElseThrow().name()).isEqualTo("Secret");
        assertThat(queries.byCode(a.id(), "B-9").orElseThrow().name()).isEqualTo("Overwritten?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSegmentScreensShowAndChangeOnlyTheTenantsOwnSegmentation() {
        TestTenants.signIn(b.owner());
        var bRun = segmentation.runNow(b.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);
        var bSettings = segmentation.settings(b.id());
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.segmentation.ui.SegmentsView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("segments-current-run").single()
                .getText()).as("A was never recomputed").contains("not been segmented");
        assertThatThrownBy(() -> segmentation.run(a.id(), bRun.id())).isInstanceOf(NotFoundException.class);

        navigate(com.tierpilot.segmentation.ui.SegmentationSettingsView.class);
        var window = find(com.vaadin.flow.component.textfield.IntegerField.class).withId("rfm-window").single();
        test(window).setValue(180);
        test(find(com.vaadin.flow.component.button.Button.class).withId("segmentation-save").single()).click();

        assertThat(segmentation.settings(a.id()).rfm().windowDays()).isEqualTo(180);
        assertThat(segmentation.settings(b.id())).isEqualTo(bSettings);
    }

    @Test
    void thePredictionScreenShowsAndChangesOnlyTheTenantsOwnPredictions() {
        TestTenants.signIn(b.owner());
        customers.upsertOrders(b.id(), List.of(new com.tierpilot.customer.OrderRecord("B-O1", "B-1",
                java.time.LocalDateTime.now().minusDays(5), java.math.BigDecimal.TEN, 1, null, null,
                com.tierpilot.customer.OrderStatus.COMPLETED)));
        var bModel = predictions.predict(b.id(), java.time.LocalDate.now());
        var bSettings = predictions.settings(b.id());
        long bCustomer = queries.byCode(b.id(), "B-1").orElseThrow().id();
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.prediction.ui.PredictionView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("prediction-status").single()
                .getText()).as("A has no prediction").startsWith("Nothing has been predicted");
        test(find(com.vaadin.flow.component.textfield.BigDecimalField.class).withId("prediction-discount-field")
                .single()).setValue(new java.math.BigDecimal("3"));
        test(find(com.vaadin.flow.component.button.Button.class).withId("prediction-settings-save").single()).click();

        assertThat(predictions.settings(a.id()).monthlyDiscount()).isEqualByComparingTo("0.03");
        assertThat(predictions.settings(b.id())).isEqualTo(bSettings);
        assertThat(predictions.model(a.id())).isEmpty();
        assertThat(predictions.forCustomer(b.id(), bCustomer)).isPresent();
        assertThat(predictions.forCustomer(a.id(), bCustomer)).as("B's customer id, asked for as A").isEmpty();
        assertThat(predictions.model(b.id()).orElseThrow().customers()).isEqualTo(bModel.customers());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChurnListShowsAndChangesOnlyTheTenantsOwnCustomers() {
        TestTenants.signIn(b.owner());
        customers.upsertOrders(b.id(), List.of(new com.tierpilot.customer.OrderRecord("B-OLD", "B-1",
                java.time.LocalDateTime.now().minusDays(300), java.math.BigDecimal.TEN, 1, null, null,
                com.tierpilot.customer.OrderStatus.COMPLETED)));
        segmentation.runNow(b.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);
        long bCustomer = queries.byCode(b.id(), "B-1").orElseThrow().id();
        assertThat(churn.count(b.id(), b.owner().userId(), Role.OWNER)).isEqualTo(1);
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.churn.ui.ChurnListView.class);

        var grid = (com.vaadin.flow.component.grid.Grid<com.tierpilot.churn.ChurnEntry>) find(
                com.vaadin.flow.component.grid.Grid.class).withId("churn-grid").single();
        assertThat(test(grid).size()).isZero();
        assertThatThrownBy(() -> churn.decide(a.id(), a.owner().userId(), Role.OWNER, bCustomer,
                com.tierpilot.churn.ChurnOutcome.WON_BACK, null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> churn.logContact(a.id(), a.owner().userId(), Role.OWNER, bCustomer,
                com.tierpilot.revisit.ContactChannel.CALL, null)).isInstanceOf(NotFoundException.class);
        assertThat(churn.count(b.id(), b.owner().userId(), Role.OWNER)).isEqualTo(1);
        assertThat(churn.lastContact(b.id(), bCustomer)).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCustomerScreensShowOnlyTheTenantsOwnCustomers() {
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.customer.ui.CustomerListView.class);
        var grid = (com.vaadin.flow.component.grid.Grid<com.tierpilot.customer.CustomerRow>) find(
                com.vaadin.flow.component.grid.Grid.class).withId("customer-grid").single();
        assertThat(grid.getGenericDataView().getItems().map(com.tierpilot.customer.CustomerRow::code).toList())
                .containsExactly("A-1");
        test(find(com.vaadin.flow.component.textfield.TextField.class).withId("customer-search").single())
                .setValue("B-");
        assertThat(grid.getGenericDataView().getItems().toList()).isEmpty();

        navigate("customers/B-1", com.tierpilot.customer.ui.CustomerDetailView.class);
        assertThat(find(com.vaadin.flow.component.html.H2.class).withId("customer-not-found").exists()).isTrue();
        navigate("customers/A-1", com.tierpilot.customer.ui.CustomerDetailView.class);
        assertThat(find(com.vaadin.flow.component.html.H2.class).withId("customer-title").single().getText())
                .contains("A-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRunHistoryShowsAndChangesOnlyTheTenantsOwnRunsAndSchedule() {
        TestTenants.signIn(b.owner());
        var bRun = segmentation.runNow(b.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);
        var bSchedule = schedules.schedule(b.id());
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.scheduling.ui.RunHistoryView.class);
        var grid = (Grid<com.tierpilot.segmentation.RunStatus>) find(Grid.class).withId("runs-grid").single();
        assertThat(test(grid).size()).as("A was never recomputed").isZero();
        test(find(com.vaadin.flow.component.timepicker.TimePicker.class).withId("runs-schedule-time").single())
                .setValue(java.time.LocalTime.of(4, 15));
        test(find(com.vaadin.flow.component.button.Button.class).withId("runs-schedule-save").single()).click();

        assertThat(schedules.schedule(a.id()).runAt()).isEqualTo(java.time.LocalTime.of(4, 15));
        assertThat(schedules.schedule(b.id())).isEqualTo(bSchedule);
        assertThatThrownBy(() -> segmentation.run(a.id(), bRun.id())).isInstanceOf(NotFoundException.class);
        assertThat(runAlerts.open(a.id())).isEmpty();
    }

    @Test
    void anonymousPagesShowNoTenantData() {
        TestTenants.signOut();
        navigate("invite/not-a-real-token", AcceptInvitationView.class);
        assertThat(find(TextField.class).exists()).as("no form for an unknown invitation").isFalse();
        navigate("signup/confirm/not-a-real-token", SignUpConfirmView.class);
        assertThat(find(Button.class).withId("signup-confirm").exists()).as("nothing to activate for an unknown sign-up link").isFalse();

        for (var page : List.of(LoginView.class, SignUpView.class)) {
            String html = navigate(page).getElement().getOuterHTML();
            assertThat(html).doesNotContain("Tenant A").doesNotContain("Tenant B");
        }
    }

    @Test
    void aLoginLinkSignsInOnlyItsOwnUser() throws Exception {
        TestTenants.signOut();
        var result = mvc.perform(get("/auth/complete").param("token", "guessed-token")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(result.getRequest().getSession(false) == null
                || result.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null).isTrue();
    }

    @Test
    void anOwnerCannotRevokeAnotherTenantsApiToken() {
        TestTenants.signIn(b.owner());
        NewApiToken bToken = apiTokens.create(b.id(), b.owner().userId(), "B's ERP");
        a.signInAsOwner();

        assertThatThrownBy(() -> apiTokens.revoke(a.id(), a.owner().userId(), bToken.summary().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(apiTokens.resolve(bToken.token()))
                .hasValueSatisfying(client -> assertThat(client.tenantId()).isEqualTo(b.id()));
    }

    @Test
    void anApiTokenRunsAndReadsOnlyItsOwnTenantsSegmentation() throws Exception {
        String aToken = a.apiToken();
        TestTenants.signIn(b.owner());
        var bRun = segmentation.runNow(b.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);
        TestTenants.signOut();

        api(get("/api/v1/segmentation/runs/" + bRun.id()), aToken).andExpect(status().isNotFound());
        api(get("/api/v1/segments"), aToken).andExpect(status().isOk()).andExpect(content().json("[]"));
        String location = api(post("/api/v1/segmentation/runs").contentType("application/json").content("{}"),
                aToken).andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        long aRun = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        awaitRun(a.id(), aRun);
        api(get("/api/v1/segmentation/runs/" + aRun), aToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED")).andExpect(jsonPath("$.customers").value(1));
        api(get("/api/v1/segments"), aToken).andExpect(jsonPath("$[?(@.scheme == 'LIFECYCLE')].customers")
                .value(org.hamcrest.Matchers.contains(1)));
        api(get("/api/v1/customers/A-1"), aToken).andExpect(jsonPath("$.segmentation.lifecycleStage")
                .value("potential"));
        assertThat(segmentation.run(b.id(), bRun.id()).customers()).isEqualTo(3);
    }

    private void awaitRun(com.tierpilot.base.TenantId tenant, long run) {
        await("the run finished").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> segmentation.run(tenant, run).finished());
    }

    @Test
    void anApiTokenAwardsAndReadsOnlyItsOwnTenantsPoints() throws Exception {
        String aToken = a.apiToken();
        String bToken = b.apiToken();
        api(post("/api/v1/loyalty/points").contentType("application/json").content("""
                {"customerCode": "B-1", "points": 50, "idempotencyKey": "b-1"}"""), bToken)
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(50));

        api(post("/api/v1/loyalty/points").contentType("application/json").content("""
                {"customerCode": "B-1", "points": 500, "idempotencyKey": "a-steals"}"""), aToken)
                .andExpect(status().isNotFound());
        api(post("/api/v1/loyalty/points").contentType("application/json").content("""
                {"customerCode": "B-1", "points": -50, "idempotencyKey": "a-spends"}"""), aToken)
                .andExpect(status().isNotFound());
        api(get("/api/v1/loyalty/customers/B-1"), aToken).andExpect(status().isNotFound());
        api(post("/api/v1/loyalty/points").contentType("application/json").content("""
                {"customerCode": "A-1", "points": 7, "idempotencyKey": "b-1"}"""), aToken)
                .andExpect(status().isOk()).andExpect(jsonPath("$.repeated").value(false))
                .andExpect(jsonPath("$.balance").value(7));

        api(get("/api/v1/loyalty/customers/B-1"), bToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(50)).andExpect(jsonPath("$.recentEntries.length()").value(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rewardsAreListedAndRedeemedOnlyWithinTheirTenant() throws Exception {
        TestTenants.signIn(b.owner());
        long bReward = rewards.create(b.id(), new com.tierpilot.loyalty.RewardDraft("B gift", null, 10, 5, true)).id();
        long bCustomer = queries.byCode(b.id(), "B-1").orElseThrow().id();
        long aCustomer = queries.byCode(a.id(), "A-1").orElseThrow().id();
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.loyalty.ui.RewardsView.class);
        var grid = (com.vaadin.flow.component.grid.Grid<com.tierpilot.loyalty.Reward>) find(
                com.vaadin.flow.component.grid.Grid.class).withId("reward-grid").single();
        assertThat(test(grid).size()).isZero();
        assertThatThrownBy(() -> rewards.redeem(a.id(), bReward, aCustomer, "a-1", null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rewards.redeem(a.id(), bReward, bCustomer, "a-2", null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rewards.update(a.id(), bReward, 0, new com.tierpilot.loyalty.RewardDraft("Mine",
                null, 1, 100, true))).isInstanceOf(NotFoundException.class);

        String aToken = a.apiToken();
        api(get("/api/v1/loyalty/rewards"), aToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        api(post("/api/v1/loyalty/rewards/" + bReward + "/redeem").contentType("application/json").content("""
                {"customerCode": "A-1", "idempotencyKey": "steal"}"""), aToken).andExpect(status().isNotFound());
        api(post("/api/v1/loyalty/rewards/" + bReward + "/redeem").contentType("application/json").content("""
                {"customerCode": "B-1", "idempotencyKey": "steal"}"""), aToken).andExpect(status().isNotFound());
        assertThat(rewards.get(b.id(), bReward).redeemed()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void revisitPlansAndTasksStayWithinTheirTenant() {
        TestTenants.signIn(b.owner());
        segmentation.runNow(b.id(), null, com.tierpilot.segmentation.RunTrigger.MANUAL);
        var bPlan = revisitPlans.create(b.id(), new com.tierpilot.revisit.RevisitPlanDraft("B everyone",
                com.tierpilot.revisit.PlanKind.HOLIDAY, null, null, null, null, 1, 1,
                com.tierpilot.revisit.ContactChannel.CALL, null, 2, true));
        java.time.LocalDate today = revisitTasks.today(b.id());
        revisitTasks.generate(b.id(), java.time.LocalDate.of(today.getYear(), 12, 30));
        var bTask = revisitTasks.open(b.id(), b.owner().userId(), Role.OWNER, null,
                com.tierpilot.revisit.TaskWindow.UPCOMING, java.time.LocalDate.of(today.getYear(), 12, 30), 0, 10);
        assertThat(bTask).hasSize(3);
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.revisit.ui.TasksView.class);
        for (var window : com.tierpilot.revisit.TaskWindow.values()) {
            assertThat(revisitTasks.countOpen(a.id(), a.owner().userId(), Role.OWNER, null, window, today)).isZero();
        }
        navigate(com.tierpilot.revisit.ui.RevisitPlansView.class);
        var plans = (com.vaadin.flow.component.grid.Grid<com.tierpilot.revisit.RevisitPlan>) find(
                com.vaadin.flow.component.grid.Grid.class).withId("plan-grid").single();
        assertThat(test(plans).size()).isZero();
        assertThatThrownBy(() -> revisitPlans.update(a.id(), bPlan.id(), bPlan.version(), bPlan.draft()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> revisitTasks.logOutcome(a.id(), a.owner().userId(), Role.OWNER,
                bTask.getFirst().id(), com.tierpilot.revisit.TaskOutcome.LOST, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(revisitTasks.ofCustomer(a.id(), bTask.getFirst().customerId(), 10)).isEmpty();
    }

    @Test
    void theAlwaysOnScreensShowAndChangeOnlyTheTenantsOwnCampaigns() {
        TestTenants.signIn(b.owner());
        var definition = new com.tierpilot.campaign.AlwaysOnDefinition(com.tierpilot.campaign.AlwaysOnTrigger.SEGMENT,
                "LIFECYCLE", "at_risk", null, null, 10, null, Set.of(com.tierpilot.campaign.ExitCondition.BOUGHT), 30,
                List.of(com.tierpilot.campaign.JourneyStep.coupon(0, false)), new com.tierpilot.campaign.AlwaysOnCoupon(
                        com.tierpilot.campaign.DiscountType.FIXED, java.math.BigDecimal.TEN, null,
                        java.math.BigDecimal.ZERO, "BS", 30));
        long bCampaign = alwaysOn.create(b.id(), b.owner().userId(), "B's secret always-on", null, definition, null);
        alwaysOn.switchOn(b.id(), bCampaign);
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.campaign.ui.AlwaysOnListView.class);
        assertThat(test((Grid<?>) find(Grid.class).withId("always-on-grid").single()).size()).isZero();
        String detail = navigate("campaigns/always-on/" + bCampaign, com.tierpilot.campaign.ui.AlwaysOnDetailView.class)
                .getElement().getOuterHTML();
        assertThat(find(com.vaadin.flow.component.html.H2.class).withId("campaign-not-found").exists()).isTrue();
        assertThat(detail).doesNotContain("B's secret always-on");
        String edit = navigate("campaigns/always-on/edit/" + bCampaign,
                com.tierpilot.campaign.ui.AlwaysOnEditView.class).getElement().getOuterHTML();
        assertThat(find(com.vaadin.flow.component.html.H2.class).withId("campaign-not-found").exists()).isTrue();
        assertThat(edit).doesNotContain("B's secret always-on");
        navigate("campaigns/" + bCampaign, com.tierpilot.campaign.ui.CampaignDetailView.class);
        assertThat(find(com.vaadin.flow.component.html.H2.class).withId("campaign-not-found").exists()).isTrue();

        assertThatThrownBy(() -> alwaysOn.pause(a.id(), bCampaign)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alwaysOn.end(a.id(), bCampaign)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alwaysOn.results(a.id(), bCampaign)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alwaysOn.update(a.id(), a.owner().userId(), bCampaign, 1, "Taken", null,
                definition)).isInstanceOf(NotFoundException.class);
        assertThat(alwaysOn.entries(a.id(), bCampaign, 0, 10)).isEmpty();
        assertThat(alwaysOn.list(a.id())).isEmpty();
        TestTenants.signIn(b.owner());
        assertThat(alwaysOn.find(b.id(), bCampaign).orElseThrow().running()).isTrue();
        assertThat(alwaysOn.find(b.id(), bCampaign).orElseThrow().name()).isEqualTo("B's secret always-on");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCampaignScreensShowAndChangeOnlyTheTenantsOwnCampaigns() {
        var fixtures = new com.tierpilot.campaign.CampaignFixtures(customers, segmentation, campaigns, clock);
        TestTenants.signIn(b.owner());
        fixtures.atRiskCustomers(b.id(), "BC", 3);
        var bCampaign = fixtures.launchedOnAtRisk(b, "B's secret campaign", 0,
                fixtures.uniqueCodes(com.tierpilot.campaign.DiscountType.FIXED, "10", null, "0", 1, 1, null));
        var bCode = campaigns.codes(b.id(), bCampaign.id(), 0, 1).getFirst();
        TestTenants.signIn(a.owner());

        navigate(com.tierpilot.campaign.ui.CampaignListView.class);
        assertThat(test((Grid<?>) find(Grid.class).withId("campaign-grid").single()).size()).isZero();
        navigate(com.tierpilot.campaign.ui.CampaignWizardView.class);
        assertThat(((com.vaadin.flow.component.combobox.MultiSelectComboBox<String>) find(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class).withId("campaign-include").single())
                .getGenericDataView().getItems().toList()).doesNotContain("RULE:" + bCampaign.id());
        String detail = navigate("campaigns/" + bCampaign.id(), com.tierpilot.campaign.ui.CampaignDetailView.class)
                .getElement().getOuterHTML();
        assertThat(find(com.vaadin.flow.component.html.H2.class).withId("campaign-not-found").exists()).isTrue();
        assertThat(detail).doesNotContain("B's secret campaign");
        String results = navigate("campaigns/" + bCampaign.id() + "/results",
                com.tierpilot.campaign.ui.CampaignResultsView.class).getElement().getOuterHTML();
        assertThat(find(com.vaadin.flow.component.html.H2.class).withId("campaign-not-found").exists()).isTrue();
        assertThat(results).doesNotContain("B's secret campaign");
        navigate(com.tierpilot.campaign.ui.RedeemView.class);
        test(find(TextField.class).withId("redeem-code").single()).setValue(bCode.code());
        test(find(TextField.class).withId("redeem-customer").single()).setValue(bCode.customerCode());
        test(find(TextField.class).withId("redeem-orderNo").single()).setValue("A-STEALS");
        test(find(com.vaadin.flow.component.textfield.BigDecimalField.class).withId("redeem-amount").single())
                .setValue(java.math.BigDecimal.TEN);
        test(find(com.vaadin.flow.component.button.Button.class).withId("redeem-submit").single()).click();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("redeem-result").single()
                .getElement().getAttribute("data-outcome")).isEqualTo("UNKNOWN_CODE");

        assertThatThrownBy(() -> campaigns.launch(a.id(), bCampaign.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> campaigns.cancel(a.id(), bCampaign.id())).isInstanceOf(NotFoundException.class);
        assertThat(campaigns.codes(a.id(), bCampaign.id(), 0, 10)).isEmpty();
        assertThat(campaigns.find(b.id(), bCampaign.id()).orElseThrow().status())
                .isEqualTo(com.tierpilot.campaign.CampaignStatus.ACTIVE);
        assertThat(campaigns.codes(b.id(), bCampaign.id(), 0, 1).getFirst().uses()).isZero();
    }

    @Test
    void anApiTokenNeverRedeemsOrReversesAnotherTenantsCode() throws Exception {
        var fixtures = new com.tierpilot.campaign.CampaignFixtures(customers, segmentation, campaigns, clock);
        TestTenants.signIn(b.owner());
        fixtures.atRiskCustomers(b.id(), "BR", 3);
        var campaign = fixtures.launchedOnAtRisk(b, "B's win-back", 0,
                fixtures.uniqueCodes(com.tierpilot.campaign.DiscountType.FIXED, "10", null, "0", 1, 1, null));
        var code = campaigns.codes(b.id(), campaign.id(), 0, 1).getFirst();
        TestTenants.signIn(a.owner());
        String aToken = a.apiToken();
        String bToken = b.apiToken();
        String redeem = """
                {"code": "%s", "customerCode": "%s", "orderNo": "SO-X", "orderAmount": 100}""".formatted(code.code(),
                code.customerCode());

        api(post("/api/v1/coupons/redeem"), aToken, redeem).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_CODE"));
        api(post("/api/v1/coupons/redeem"), aToken, redeem.replace(code.customerCode(), "A-1"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.reason").value("UNKNOWN_CODE"));
        api(post("/api/v1/coupons/redeem"), bToken, redeem).andExpect(status().isOk());
        api(post("/api/v1/coupons/reverse"), aToken, "{\"orderNo\": \"SO-X\"}").andExpect(status().isNotFound());

        TestTenants.signIn(b.owner());
        assertThat(campaigns.codes(b.id(), campaign.id(), 0, 1).getFirst().uses()).isEqualTo(1);
        TestTenants.signIn(a.owner());
        assertThatThrownBy(() -> coupons.redeem(a.id(), new com.tierpilot.campaign.RedemptionRequest(code.code(),
                code.customerCode(), "SO-Y", java.math.BigDecimal.TEN, null)))
                .isInstanceOf(com.tierpilot.campaign.CouponRefusedException.class);
    }

    @Test
    void anApiTokenReadsOnlyItsOwnTenantsCustomers() throws Exception {
        String aToken = a.apiToken();
        String bToken = b.apiToken();

        api(get("/api/v1/customers/A-1"), aToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("A one"));
        String unknown = api(get("/api/v1/customers/NO-SUCH-CODE"), aToken).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString().replace("NO-SUCH-CODE", "B-1");
        String othersCode = api(get("/api/v1/customers/B-1"), aToken).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(othersCode).as("another tenant's code reads exactly like an unknown one").isEqualTo(unknown);
        api(get("/api/v1/customers/A-1"), bToken).andExpect(status().isNotFound());
    }

    /** Issue 20: the sales state and grade, through the API and the customer page. */
    @Test
    void salesStatesAndGradesStayWithinTheirTenant() throws Exception {
        String aToken = a.apiToken();
        api(get("/api/v1/customers/B-1/sales"), aToken).andExpect(status().isNotFound());
        api(put("/api/v1/customers/B-1/sales"), aToken, "{\"stage\": \"LOST\", \"lostReason\": \"A says so\"}")
                .andExpect(status().isNotFound());
        api(put("/api/v1/customers/A-1/sales"), aToken, "{\"need\": \"NONE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("E"));
        api(get("/api/v1/customers/A-1/sales"), b.apiToken()).andExpect(status().isNotFound());

        long b1 = queries.byCode(b.id(), "B-1").orElseThrow().id();
        assertThat(salesStates.find(b.id(), b1)).isEqualTo(com.tierpilot.customer.SalesState.EMPTY);
        assertThat(salesStates.history(b.id(), b1, 10)).isEmpty();
        TestTenants.signIn(a.owner());
        assertThatThrownBy(() -> salesStates.update(a.id(), b1, com.tierpilot.customer.SalesState.EMPTY,
                com.tierpilot.customer.SalesSource.UI, null)).isInstanceOf(NotFoundException.class);
        assertThat(salesStates.find(a.id(), b1)).isEqualTo(com.tierpilot.customer.SalesState.EMPTY);

        navigate("customers/A-1", com.tierpilot.customer.ui.CustomerDetailView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("sales-grade").single().getText())
                .startsWith("Grade E");
    }

    /** Issue 20: the shared pool, claims, releases and follow-up logs never reach another company's customers. */
    @Test
    void thePoolClaimsAndFollowUpLogsStayWithinTheirTenant() {
        TierPilotUser aManager = a.addUser(Role.ACCOUNT_MANAGER);
        TierPilotUser bManager = b.addUser(Role.ACCOUNT_MANAGER);
        long b1 = queries.byCode(b.id(), "B-1").orElseThrow().id();
        TestTenants.signIn(aManager);
        assertThatThrownBy(() -> assignment.claim(a.id(), aManager.userId(), b1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assignment.claim(a.id(), bManager.userId(), queries.byCode(a.id(), "A-1")
                .orElseThrow().id())).as("B's manager cannot be given A's customer").isInstanceOf(
                        NotFoundException.class);
        assertThatThrownBy(() -> followUpLogs.log(a.id(), aManager.userId(), Role.ACCOUNT_MANAGER, b1,
                com.tierpilot.sales.FollowUpKind.CALL, null, "A's note", null)).isInstanceOf(NotFoundException.class);
        TestTenants.signIn(a.owner());
        assertThatThrownBy(() -> assignment.release(a.id(), a.owner().userId(), Role.OWNER, b1))
                .isInstanceOf(NotFoundException.class);
        assertThat(queries.byId(b.id(), b1).orElseThrow().accountManager()).isNull();
        assertThat(followUpLogs.ofCustomer(b.id(), b1, 10)).isEmpty();
        assertThat(assignment.history(b.id(), b1, 10)).isEmpty();

        TestTenants.signIn(aManager);
        navigate("pool", com.tierpilot.sales.ui.SharedPoolView.class);
        Grid<?> pool = find(Grid.class).withId("pool-grid").single();
        assertThat(test(pool).size()).as("A's one customer, none of B's three").isEqualTo(1);

        TestTenants.signIn(b.owner());
        salesSettings.savePoolRules(b.id(), new com.tierpilot.sales.PoolRules(500, 5,
                com.tierpilot.sales.PoolRules.DEFAULT.returnDays(), 10));
        TestTenants.signIn(a.owner());
        navigate("settings/sales", com.tierpilot.sales.ui.SalesSettingsView.class);
        assertThat(find(com.vaadin.flow.component.textfield.IntegerField.class).withId("sales-settings-limit")
                .single().getValue()).as("A's own limit, not B's").isEqualTo(800);

        TestTenants.signIn(b.owner());
        salesStates.update(b.id(), b1, new com.tierpilot.customer.SalesState(com.tierpilot.customer.SalesStage
                .POTENTIAL, null, null, null, null, null, null), com.tierpilot.customer.SalesSource.UI, null);
        TestTenants.signIn(a.owner());
        navigate("pipeline", com.tierpilot.sales.ui.PipelineView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("pipeline-empty").exists())
                .as("B's prospect is not in A's pipeline").isTrue();
    }

    @Test
    void anApiTokenWritesOnlyIntoItsOwnTenant() throws Exception {
        customers.upsertOrders(b.id(), List.of(order("B-ORDER-1", "B-1", LocalDateTime.now().minusDays(2), "500.00")));
        String aToken = a.apiToken();

        api(post("/api/v1/customers"), aToken, "[{\"code\": \"A-2\", \"accountManager\": \"%s\"}]"
                .formatted(bMarketer.email()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("accountManager"));
        api(post("/api/v1/customers"), aToken, "[{\"code\": \"B-1\", \"name\": \"A's own B-1\"}]")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        api(post("/api/v1/orders"), aToken, """
                [{"orderNo": "B-ORDER-1", "customerCode": "B-2", "orderedAt": "2025-03-01", "amount": 1}]""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));

        assertThat(queries.byCode(b.id(), "B-1").orElseThrow().name()).isEqualTo("B 1");
        assertThat(queries.byCode(b.id(), "B-1").orElseThrow().orders().revenue())
                .as("B's order keeps its customer and amount").isEqualByComparingTo("500.00");
        assertThat(queries.byCode(b.id(), "B-2").orElseThrow().orders().count()).isZero();
        assertThat(queries.byCode(a.id(), "B-1").orElseThrow().name()).isEqualTo("A's own B-1");
        assertThat(queries.byCode(a.id(), "B-2").orElseThrow().orders().count()).isEqualTo(1);
    }

    @Test
    void theApiRefusesRequestsWithoutATokenOrWithARevokedOne() throws Exception {
        String aToken = a.apiToken();
        long aTokenId = apiTokens.list(a.id()).getFirst().id();
        apiTokens.revoke(a.id(), a.owner().userId(), aTokenId);

        for (String token : new String[] {null, aToken}) {
            api(get("/api/v1/customers/A-1"), token).andExpect(status().isUnauthorized());
            api(post("/api/v1/customers"), token, "[{\"code\": \"A-9\"}]").andExpect(status().isUnauthorized());
            api(post("/api/v1/orders"), token, """
                    [{"orderNo": "A-9", "customerCode": "A-9", "orderedAt": "2025-03-01", "amount": 1}]""")
                    .andExpect(status().isUnauthorized());
        }
        assertThat(queries.byCode(a.id(), "A-9")).isEmpty();
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
        return api(request.contentType(MediaType.APPLICATION_JSON).content(json), token);
    }

    @Test
    void everyRouteAndEndpointIsCoveredByThisTest() {
        Set<String> found = com.tierpilot.support.RoutesAndEndpoints.all(
                com.tierpilot.support.RoutesAndEndpoints.classes(), view -> true);
        Set<String> uncovered = new TreeSet<>(found);
        uncovered.removeAll(COVERED.keySet());
        assertThat(uncovered).as("routes and endpoints without a cross-tenant test").isEmpty();
        assertThat(found).containsAll(COVERED.keySet());
    }
}
