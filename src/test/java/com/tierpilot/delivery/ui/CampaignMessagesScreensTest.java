package com.tierpilot.delivery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.campaign.CampaignFixtures;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.campaign.ui.CampaignDetailView;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.ChannelResults;
import com.tierpilot.delivery.ConsentSource;
import com.tierpilot.delivery.DeliveryRules;
import com.tierpilot.delivery.DeliverySettingsService;
import com.tierpilot.delivery.HoldBack;
import com.tierpilot.delivery.MarketingConsentService;
import com.tierpilot.delivery.MessageTemplate;
import com.tierpilot.delivery.MessageTemplateService;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderDraft;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.AliyunSmsSimulator;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The screens of campaign messages: a template written in both languages, previewed with a real customer in the
 * customer's language and sent to the marketer's phone through the company's SMS provider; a draft campaign given its
 * e-mail template, the launch screen's hold-back counts per rule and the SMS cost, and the delivery after launch.
 */
@IntegrationTest
class CampaignMessagesScreensTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    DeliverySettingsService settings;
    @Autowired
    AliyunSmsSimulator aliyun;
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
    MutableClock clock;

    TestTenant shop;

    @BeforeEach
    void aShopWithAlibabaCloudSms() {
        shop = tenants.signUp("Templates Screen Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        String keyId = "LTAI" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        aliyun.account(keyId, "templates-secret-1").signName("Tpl Shop").template("SMS_710000001", "name",
                "couponCode");
        settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId, "templates-secret-1",
                "Tpl Shop", null, "cn-hangzhou"));
        DeliveryRules rules = settings.rules(shop.id());
        settings.saveRules(shop.id(), new DeliveryRules(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, rules.weeklyCap(),
                new java.math.BigDecimal("0.0500"), Provider.ALIYUN_SMS, rules.unsubscribeText(), rules.version()));
        customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("EN-1", "Lily Chen", "13900000001",
                "lily@example.com", null, null, null, null, null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1),
                null, Map.of("language", "en"))));
        openNewTab();
    }

    @AfterEach
    void signOut() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMarketerWritesAnSmsTemplateInBothLanguagesPreviewsItWithACustomerAndSendsItToThemself() {
        navigate(TemplatesView.class);
        assertThat(find(Paragraph.class).withId("templates-empty").single().isVisible()).isTrue();
        find(TextField.class).withId("template-name").single().setValue("Coupon SMS");
        ((RadioButtonGroup<ChannelKind>) find(RadioButtonGroup.class).withId("template-channel").single())
                .setValue(ChannelKind.SMS);
        find(TextArea.class).withId("template-body-zh").single().setValue("{{name}}您好，券码{{couponCode}}");
        find(TextField.class).withId("template-code-zh").single().setValue("SMS_710000001");
        find(TextArea.class).withId("template-body-en").single().setValue("Hi {{name}}, code {{couponCode}}");
        find(TextField.class).withId("template-code-en").single().setValue("SMS_710000001");
        test(find(Button.class).withId("template-save").single()).click();

        assertThat(test((Grid<MessageTemplate>) find(Grid.class).withId("templates-grid").single()).size())
                .isEqualTo(1);
        find(TextField.class).withId("template-preview-customer").single().setValue("EN-1");
        test(find(Button.class).withId("template-preview-button").single()).click();
        assertThat(find(Pre.class).withId("template-preview-text").single().getText())
                .as("the customer reads English").isEqualTo("【Tpl Shop】Hi Lily Chen, code WB7K2Q9XH3回T退订");
        assertThat(find(Paragraph.class).withId("template-preview-parts").single().getText())
                .isEqualTo("43 characters, billed as 1 part(s)");

        find(TextField.class).withId("template-send-address").single().setValue("13912340000");
        test(find(Button.class).withId("template-send-to-me").single()).click();
        assertThat(aliyun.received()).filteredOn(r -> r.phone().equals("13912340000")).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("name", "Lily Chen"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLaunchScreenCountsWhatEachRuleHoldsBackAndTheCostAndTheDeliveryShowsAfterLaunch() {
        var fixtures = new CampaignFixtures(customers, segmentation, campaigns, clock);
        fixtures.atRiskCustomers(shop.id(), "S", 20);
        for (int i = 1; i <= 20; i++) {
            long id = queries.byCode(shop.id(), "S" + i).orElseThrow().id();
            if (i % 4 != 0) {
                consent.set(shop.id(), id, ChannelKind.SMS, true, ConsentSource.IMPORT, null);
            }
        }
        customers.upsertCustomers(shop.id(), java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i ->
                new CustomerRecord("S" + i, null, i % 5 == 0 ? null : "1380000" + String.format("%04d", i), null, null,
                        null, null, null, null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), null, Map.of()))
                .toList());
        long template = templates.save(shop.id(), null, "Short", ChannelKind.SMS, List.of(new MessageTemplate.Text(
                MessageTemplate.CHINESE, null, "{{name}}您好，券码{{couponCode}}", "SMS_710000001")));
        var campaign = campaigns.create(shop.id(), shop.owner().userId(), new com.tierpilot.campaign.CampaignDraft(
                "SMS win back", null, List.of("LIFECYCLE:at_risk"), List.of(), null, 0, clock.instant(),
                clock.instant().plus(java.time.Duration.ofDays(30)), java.util.EnumSet.of(
                        com.tierpilot.campaign.CampaignAction.COUPON), fixtures.uniqueCodes(DiscountType.FIXED, "20",
                        null, "0", 1, 1, null)));

        navigate("campaigns/" + campaign, CampaignDetailView.class);
        find(Checkbox.class).withId("campaign-channel-sms").single().setValue(true);
        ComboBox<MessageTemplate> picker = find(ComboBox.class).withId("campaign-template-sms").single();
        picker.setValue(picker.getListDataView().getItems().findFirst().orElseThrow());
        test(find(Button.class).withId("campaign-messages-save").single()).click();

        HoldBack row = test((Grid<HoldBack>) find(Grid.class).withId("campaign-holdback").single()).getRow(0);
        // S4, S8, S12, S16, S20 have no consent (S20 and S10... no phone: S5, S10, S15, S20).
        assertThat(row.targets()).isEqualTo(20);
        assertThat(row.noAddress()).isEqualTo(4);
        assertThat(row.noConsent()).isEqualTo(4);
        assertThat(row.toSend()).isEqualTo(12);
        assertThat(row.smsPartsPerMessage()).isEqualTo(1);
        assertThat(row.smsCost()).isEqualByComparingTo("0.6000");

        test(find(Button.class).withId("campaign-launch").single()).click();
        ChannelResults delivery = test((Grid<ChannelResults>) find(Grid.class).withId("campaign-delivery").single())
                .getRow(0);
        assertThat(delivery.queued()).isEqualTo(12);
        assertThat(delivery.held()).isEqualTo(8);
    }
}
