package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.campaign.CampaignAction;
import com.tierpilot.campaign.CampaignChannel;
import com.tierpilot.campaign.CampaignDeliveryService;
import com.tierpilot.campaign.CampaignDraft;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.AliyunSmsSimulator;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TencentSmsSimulator;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Delivery results from the SMS providers' status reports, in their documented formats (Alibaba Cloud's SmsReport
 * HTTP batch push, Tencent Cloud's status callback), posted to the company's secret callback address: a sent message
 * becomes delivered or failed by the id the provider gave at send time, once, and the campaign's results count it.
 */
@IntegrationTest
class SmsStatusReportsTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    DeliverySettingsService settings;
    @Autowired
    AliyunSmsSimulator aliyun;
    @Autowired
    TencentSmsSimulator tencent;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    MarketingConsentService consent;
    @Autowired
    MessageTemplateService templates;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignDeliveryService campaignDelivery;
    @Autowired
    UnsubscribeService unsubscribes;
    @Autowired
    OutboxSender sender;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    OutboxService outbox;

    @AfterEach
    void signOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void alibabaCloudReceiptsMarkMessagesDeliveredOrFailedOnceAndTheResultsCountThem() throws Exception {
        TestTenant shop = shop("Receipts Aliyun Co");
        String keyId = "LTAI" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        aliyun.account(keyId, "receipts-secret-1").signName("Receipts").template("SMS_720000001", "name",
                "couponCode");
        settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId, "receipts-secret-1",
                "Receipts", null, "cn-hangzhou"));
        long campaign = launchSmsCampaign(shop, Provider.ALIYUN_SMS, "SMS_720000001", "AR");
        String first = aliyun.received().stream().filter(r -> r.phone().equals("13700000001")).findFirst()
                .orElseThrow().bizId();
        String second = aliyun.received().stream().filter(r -> r.phone().equals("13700000002")).findFirst()
                .orElseThrow().bizId();
        String hook = reportsAddress(shop);
        String receipts = """
                [
                  {
                    "phone_number" : "13700000001",
                    "send_time" : "2026-12-07 10:00:00",
                    "report_time" : "2026-12-07 10:00:05",
                    "success" : true,
                    "err_code" : "DELIVERED",
                    "err_msg" : "用户接收成功",
                    "sms_size" : "1",
                    "biz_id" : "%s",
                    "out_id" : "67890"
                  },
                  {
                    "phone_number" : "13700000002",
                    "send_time" : "2026-12-07 10:00:00",
                    "report_time" : "2026-12-07 10:00:09",
                    "success" : false,
                    "err_code" : "MOBILE_NOT_ON_SERVICE",
                    "err_msg" : "停机",
                    "sms_size" : "1",
                    "biz_id" : "%s",
                    "out_id" : "67891"
                  }
                ]""".formatted(first, second);

        for (int callback = 0; callback < 2; callback++) {
            callback(hook, receipts).andExpect(status().isOk()).andExpect(jsonPath("$.code").value(0));
        }

        shop.signInAsOwner();
        ChannelResults sms = campaignDelivery.results(shop.id(), campaign).getFirst();
        assertThat(sms.channel()).isEqualTo(ChannelKind.SMS);
        assertThat(sms.sent()).as("3 accepted: 1 delivered, 1 still only sent, 1 failed").isEqualTo(2);
        assertThat(sms.delivered()).isEqualTo(1);
        assertThat(sms.failed()).isEqualTo(1);
        long failedCustomer = queries.byCode(shop.id(), "AR2").orElseThrow().id();
        assertThat(campaignDelivery.results(shop.id(), campaign)).hasSize(1);
        assertThat(outboxOf(shop, failedCustomer).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(outboxOf(shop, failedCustomer).errorCode()).isEqualTo("MOBILE_NOT_ON_SERVICE");

        callback(hook.replace("/reports/", "/reports/x"), receipts).andExpect(status().isNotFound());
    }

    @Test
    void tencentCloudStatusCallbacksMarkMessagesAndNeverReachAnotherCompany() throws Exception {
        TestTenant shop = shop("Receipts Tencent Co");
        String secretId = "AKID" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        tencent.account(secretId, "tencent-receipts-1", "1400720001").signName("回执店").template("1900721", 2);
        settings.saveProvider(shop.id(), new ProviderDraft(Provider.TENCENT_SMS, secretId, "tencent-receipts-1",
                "回执店", "1400720001", "ap-guangzhou"));
        long campaign = launchSmsCampaign(shop, Provider.TENCENT_SMS, "1900721", "TR");
        String sid = tencent.received().stream().filter(r -> r.phone().endsWith("13700000001")).findFirst()
                .orElseThrow().serialNo();
        String failedSid = tencent.received().stream().filter(r -> r.phone().endsWith("13700000003")).findFirst()
                .orElseThrow().serialNo();
        TestTenant other = shop("Receipts Other Co");
        String otherHook = reportsAddress(other);
        String report = """
                [
                  {
                    "user_receive_time": "2026-12-07 10:03:04",
                    "nationcode": "86",
                    "mobile": "13700000001",
                    "report_status": "SUCCESS",
                    "errmsg": "DELIVRD",
                    "description": "用户短信送达成功",
                    "sid": "%s"
                  },
                  {
                    "user_receive_time": "2026-12-07 10:03:08",
                    "nationcode": "86",
                    "mobile": "13700000003",
                    "report_status": "FAIL",
                    "errmsg": "MK:0001",
                    "description": "空号",
                    "sid": "%s"
                  }
                ]""".formatted(sid, failedSid);

        callback(otherHook, report).andExpect(status().isOk()).andExpect(jsonPath("$.result").value(0));
        shop.signInAsOwner();
        assertThat(campaignDelivery.results(shop.id(), campaign).getFirst().delivered())
                .as("another company's callback address reaches none of this company's messages").isZero();

        callback(reportsAddress(shop), report).andExpect(status().isOk()).andExpect(jsonPath("$.result").value(0));

        shop.signInAsOwner();
        ChannelResults sms = campaignDelivery.results(shop.id(), campaign).getFirst();
        assertThat(sms.delivered()).isEqualTo(1);
        assertThat(sms.failed()).isEqualTo(1);
        assertThat(sms.sent()).isEqualTo(2);
    }

    private TestTenant shop(String name) {
        TestTenant shop = tenants.signUp(name, ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE).signInAsOwner();
        return shop;
    }

    /** Three at-risk customers with SMS consent, a campaign to them by SMS, and the sender run until it is done. */
    private long launchSmsCampaign(TestTenant shop, Provider provider, String providerTemplate, String prefix) {
        DeliveryRules rules = settings.rules(shop.id());
        settings.saveRules(shop.id(), new DeliveryRules(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 10,
                new BigDecimal("0.0500"), provider, rules.unsubscribeText(), rules.version()));
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), prefix, 3);
        customers.upsertCustomers(shop.id(), IntStream.rangeClosed(1, 3).mapToObj(i -> new CustomerRecord(prefix + i,
                "客户" + i, "1370000000" + i, null, null, null, null, null, null, null, null, Set.of(), null,
                LocalDate.of(2024, 1, 1), null, Map.of())).toList());
        for (int i = 1; i <= 3; i++) {
            consent.set(shop.id(), queries.byCode(shop.id(), prefix + i).orElseThrow().id(), ChannelKind.SMS, true,
                    ConsentSource.UI, null);
        }
        long template = templates.save(shop.id(), null, "Receipt SMS", ChannelKind.SMS, List.of(
                new MessageTemplate.Text(MessageTemplate.CHINESE, null, "{{name}}您好，券码{{couponCode}}",
                        providerTemplate)));
        long campaign = campaigns.create(shop.id(), shop.owner().userId(), new CampaignDraft("Receipts", null,
                List.of("LIFECYCLE:at_risk"), List.of(), null, 0, clock.instant().minus(Duration.ofMinutes(1)),
                clock.instant().plus(Duration.ofDays(30)), EnumSet.of(CampaignAction.COUPON),
                fixtures.uniqueCodes(DiscountType.FIXED, "20", null, "0", 1, 1, null)));
        campaignDelivery.choose(shop.id(), campaign, List.of(new CampaignChannel(ChannelKind.SMS, template, null)));
        campaigns.launch(shop.id(), campaign);
        while (sender.drainOnce() > 0) {
            // each round sends what is due
        }
        assertThat(campaignDelivery.results(shop.id(), campaign).getFirst().sent()).isEqualTo(3);
        return campaign;
    }

    private String reportsAddress(TestTenant shop) {
        shop.signInAsOwner();
        String replies = unsubscribes.newReplyHook(shop.id());
        TestTenants.signOut();
        return replies.replace("/hooks/sms/replies/", "/hooks/sms/reports/");
    }

    private SentMessage outboxOf(TestTenant shop, long customer) {
        return outbox.ofCustomer(shop.id(), customer).getFirst();
    }

    private ResultActions callback(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
