package com.tierpilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignDeliveryService;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.ChannelResults;
import com.tierpilot.delivery.ConsentSource;
import com.tierpilot.delivery.DeliveryRules;
import com.tierpilot.delivery.DeliverySettingsService;
import com.tierpilot.delivery.MarketingConsentService;
import com.tierpilot.delivery.OutboxSender;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderDraft;
import com.tierpilot.delivery.SenderSettings;
import com.tierpilot.delivery.UnsubscribeService;
import com.tierpilot.delivery.email.SmtpEmailChannel;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.AliyunSmsSimulator;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 19 in the browser: a marketer writes an SMS and an e-mail template, previews the SMS with a real customer and
 * sends it to their own phone (Alibaba Cloud played by a local HTTP server), gives a campaign both channels and
 * launches it; the messages go out (the e-mails to GreenMail, the company's SMTP server here), the provider reports
 * one SMS delivered at the company's callback address, and the results page counts sent and delivered per channel.
 * Screenshots at 1366 and 1920 px, in English (the marketer) and Chinese (the owner).
 */
class CampaignMessagesE2ETest extends EndToEndTest {

    private static final int CUSTOMERS = 20;

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignDeliveryService campaignDelivery;
    @Autowired
    DeliverySettingsService settings;
    @Autowired
    MarketingConsentService consent;
    @Autowired
    UnsubscribeService unsubscribes;
    @Autowired
    AliyunSmsSimulator aliyun;
    @Autowired
    OutboxSender appSender;
    @Autowired
    MutableClock clock;

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stop() {
        smtp.stop();
        TestTenants.signOut();
    }

    @Test
    void aMarketerSendsAnSmsAndEmailCampaignWithTemplatesAndSeesTheDeliveryCounts() throws Exception {
        TestTenant shop = tenants.signUp("Messages Tea House", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE)
                .signInAsOwner();
        String keyId = "LTAI" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        aliyun.account(keyId, "e2e-secret-1").signName("Tea House").template("SMS_730000001", "name", "couponCode");
        settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId, "e2e-secret-1", "Tea House",
                null, "cn-hangzhou"));
        DeliveryRules rules = settings.rules(shop.id());
        settings.saveRules(shop.id(), new DeliveryRules(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 5,
                new BigDecimal("0.0450"), Provider.ALIYUN_SMS, rules.unsubscribeText(), rules.version()));
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "MS", CUSTOMERS);
        customers.upsertCustomers(shop.id(), IntStream.rangeClosed(1, CUSTOMERS).mapToObj(i -> new CustomerRecord(
                "MS" + i, i == 1 ? "Lily Chen" : "客户" + i, "1370000" + String.format("%04d", i), "ms" + i
                        + "@example.com", null, null, null, null, null, null, null, Set.of(), null,
                LocalDate.of(2024, 1, 1), null, i == 1 ? Map.of("language", "en") : Map.of())).toList());
        for (int i = 1; i <= CUSTOMERS; i++) {
            long id = queries.byCode(shop.id(), "MS" + i).orElseThrow().id();
            for (ChannelKind channel : ChannelKind.values()) {
                consent.set(shop.id(), id, channel, true, ConsentSource.IMPORT, null);
            }
        }
        String reports = unsubscribes.newReplyHook(shop.id()).replace("/hooks/sms/replies/", "/hooks/sms/reports/");
        TierPilotUser marketer = shop.addUser(Role.MARKETER);
        TestTenants.signOut();
        smtp.start();

        Page page = browser.newPage("en-US");
        SignIn.as(page, url("/login"), marketer.email(), TestTenants.PASSWORD);

        // An SMS template in both languages, previewed with a real customer and sent to the marketer's phone.
        page.navigate(url("/campaigns/templates"));
        page.locator("#template-name input").fill("Coupon SMS");
        page.locator("#template-channel vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("SMS"))
                .click();
        page.locator("#template-body-zh textarea").fill("{{name}}您好，券码{{couponCode}}");
        page.locator("#template-code-zh input").fill("SMS_730000001");
        page.locator("#template-body-en textarea").fill("Hi {{name}}, your code {{couponCode}}");
        page.locator("#template-code-en input").fill("SMS_730000001");
        page.locator("#template-save").click();
        page.locator("#template-preview-customer input").fill("MS1");
        page.locator("#template-preview-button").click();
        assertThat(page.locator("#template-preview-text")).containsText("Hi Lily Chen, your code");
        page.locator("#template-send-address input").fill("13912340000");
        page.locator("#template-send-to-me").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("13912340000");
        assertThat(aliyun.received()).filteredOn(r -> r.phone().equals("13912340000")).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("name", "Lily Chen"));
        Screenshots.shoot(page, "issue19-templates-en");

        // An e-mail template.
        page.navigate(url("/campaigns/templates"));
        page.locator("#template-name input").fill("Coupon mail");
        page.locator("#template-channel vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("E-mail")).click();
        page.locator("#template-subject-zh input").fill("{{name}}，您的优惠券");
        page.locator("#template-body-zh textarea").fill("<p>{{name}}您好，券码：{{couponCode}}</p>");
        page.locator("#template-subject-en input").fill("{{name}}, your coupon");
        page.locator("#template-body-en textarea").fill("<p>Hi {{name}}, code: {{couponCode}}</p>");
        page.locator("#template-save").click();
        assertThat(page.locator("#templates-grid")).containsText("Coupon mail");

        // The campaign, with both channels.
        CampaignWizard.start(page, url("/campaigns"), "Tea time", "Lifecycle · At risk");
        page.locator("#campaign-value input").fill("10");
        page.locator("#campaign-save").click();
        assertThat(page.locator("#campaign-title")).hasText("Tea time");
        page.locator("#campaign-channel-sms").click();
        pick(page, "#campaign-template-sms", "Coupon SMS");
        page.locator("#campaign-channel-email").click();
        pick(page, "#campaign-template-email", "Coupon mail");
        page.locator("#campaign-messages-save").click();
        assertThat(page.locator("#campaign-holdback")).containsText("SMS");
        page.locator("#campaign-holdback").evaluate("grid => grid.scrollIntoView({block: 'center'})");
        // At 1366 px every count and the SMS cost can be read (the cost column used to run off the grid).
        page.setViewportSize(1366, 768);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Clipping.inGrid(page.locator("#campaign-holdback"))).isEmpty());
        Screenshots.shoot(page, "issue19-launch-en");
        page.locator("#campaign-launch").click();
        assertThat(page.locator("#campaign-status")).hasText("Active");
        String campaignPath = URI.create(page.url()).getPath();

        // The sender sends (e-mail through GreenMail), the provider reports one SMS delivered.
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        OutboxSender sender = appSender.with(List.of(SmtpEmailChannel.using(mail, "campaigns@tierpilot.example")),
                new SenderSettings(100, Duration.ofMinutes(5), 100_000, Map.of(Provider.SMTP_EMAIL, 100_000), 5,
                        Duration.ofMinutes(1), "e2e-node"));
        while (sender.drainOnce() > 0) {
            // each round sends what is due
        }
        TestTenants.signIn(marketer);
        long campaign = Long.parseLong(campaignPath.replaceAll("\\D", ""));
        int targets = campaigns.find(shop.id(), campaign).orElseThrow().targetMembers();
        assertThat(smtp.getReceivedMessages()).hasSize(targets);
        String delivered = aliyun.received().stream().filter(r -> r.phone().startsWith("1370000")).findFirst()
                .orElseThrow().bizId();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(reports)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        [{"phone_number": "13700000001", "send_time": "2026-12-07 10:00:00",
                          "report_time": "2026-12-07 10:00:04", "success": true, "err_code": "DELIVERED",
                          "err_msg": "用户接收成功", "sms_size": "1", "biz_id": "%s", "out_id": ""}]"""
                        .formatted(delivered))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        List<ChannelResults> results = campaignDelivery.results(shop.id(), campaign);
        ChannelResults sms = results.stream().filter(r -> r.channel() == ChannelKind.SMS).findFirst().orElseThrow();
        assertThat(sms.sent()).isEqualTo(targets);
        assertThat(sms.delivered()).isEqualTo(1);

        // The results page, in English and in Chinese.
        page.navigate(url(campaignPath + "/results"));
        assertThat(page.locator("#campaign-delivery")).containsText("E-mail");
        assertThat(cells(page)).containsSubsequence("SMS", "0", String.valueOf(targets), "1", "0");
        assertThat(cells(page)).containsSubsequence("E-mail", "0", String.valueOf(targets), "0", "0");
        page.locator("#campaign-delivery").evaluate("grid => grid.scrollIntoView({block: 'center'})");
        Screenshots.shoot(page, "issue19-results-en");

        // The login page in English; the owner then works in Chinese, the language of the account.
        Page owner = browser.newPage("en-US");
        SignIn.as(owner, url("/login"), shop.owner().email(), TestTenants.PASSWORD);
        owner.navigate(url(campaignPath + "/results"));
        assertThat(owner.locator("#campaign-delivery")).containsText("短信");
        owner.locator("#campaign-delivery").evaluate("grid => grid.scrollIntoView({block: 'center'})");
        Screenshots.shoot(owner, "issue19-results-zh");
        owner.navigate(url("/campaigns/templates"));
        assertThat(owner.locator("#templates-grid")).containsText("Coupon SMS");
        Screenshots.shoot(owner, "issue19-templates-zh");
    }

    private static void pick(Page page, String comboBox, String item) {
        page.locator(comboBox + " input").fill(item);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    private static List<String> cells(Page page) {
        return page.locator("#campaign-delivery vaadin-grid-cell-content").allInnerTexts().stream()
                .map(String::strip).toList();
    }
}
