package com.tierpilot.delivery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.delivery.DeliverySettingsService;
import com.tierpilot.delivery.Provider;
import com.tierpilot.support.AliyunSmsSimulator;
import com.tierpilot.support.BrowserlessViewTest;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner's messaging settings screen: an account saved, its secret masked, a test message sent. */
@IntegrationTest
class DeliverySettingsViewTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    DeliverySettingsService settings;
    @Autowired
    AliyunSmsSimulator aliyun;
    @Autowired
    com.tierpilot.delivery.UnsubscribeService unsubscribes;

    TestTenant shop;
    String keyId;

    @BeforeEach
    void anOwnerOnTheMessagingSettings() {
        shop = tenants.signUp("Messaging Screen Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        keyId = "LTAI" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        aliyun.account(keyId, "screen-secret-WXYZ").signName("Screen Shop").template("SMS_700000001", "name", "code");
        openNewTab();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerSavesAnAlibabaCloudAccountSeesTheSecretMaskedAndSendsATestMessage() {
        saveTheAlibabaCloudAccountOnTheScreen();

        PasswordField secret = find(PasswordField.class).withId("delivery-aliyun-sms-secret").single();
        assertThat(secret.getValue()).as("the secret is never filled in again").isEmpty();
        assertThat(secret.getHelperText()).isEqualTo("Stored, shown only as ••••WXYZ. Leave empty to keep it.");

        ComboBox<Provider> provider = find(ComboBox.class).withId("delivery-test-provider").single();
        provider.setValue(Provider.ALIYUN_SMS);
        find(TextField.class).withId("delivery-test-phone").single().setValue("13912345678");
        find(TextField.class).withId("delivery-test-template").single().setValue("SMS_700000001");
        find(TextArea.class).withId("delivery-test-params").single().setValue("name=Li Lei\ncode=TEST-1");
        test(find(Button.class).withId("delivery-test-send").single()).click();

        String shown = find(Paragraph.class).withId("delivery-test-result").single().getText();
        assertThat(shown).startsWith("The provider accepted the message (id ");
        assertThat(aliyun.received()).filteredOn(r -> r.accessKeyId().equals(keyId)).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("name", "Li Lei").containsEntry("code", "TEST-1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTemplateTheProviderDoesNotKnowIsReportedAsItsRefusal() {
        saveTheAlibabaCloudAccountOnTheScreen();
        ((ComboBox<Provider>) find(ComboBox.class).withId("delivery-test-provider").single())
                .setValue(Provider.ALIYUN_SMS);
        find(TextField.class).withId("delivery-test-phone").single().setValue("13912345678");
        find(TextField.class).withId("delivery-test-template").single().setValue("SMS_000000000");
        test(find(Button.class).withId("delivery-test-send").single()).click();

        assertThat(find(Paragraph.class).withId("delivery-test-result").single().getText())
                .startsWith("The provider refused: isv.SMS_TEMPLATE_ILLEGAL");
    }

    @Test
    void theOwnerMakesAReplyCallbackAddressThatIsShownOnceAndWorks() throws Exception {
        navigate(DeliverySettingsView.class);
        assertThat(find(Paragraph.class).withId("delivery-replies-state").single().getText())
                .isEqualTo("No callback address yet.");
        test(find(Button.class).withId("delivery-replies-create").single()).click();

        String address = find(TextField.class).withId("delivery-replies-address").single().getValue();
        assertThat(address).contains("/hooks/sms/replies/");
        String token = address.substring(address.lastIndexOf('/') + 1);
        assertThat(unsubscribes.handleReplies(token, java.util.List.of())).contains(0);

        openNewTab();
        navigate(DeliverySettingsView.class);
        assertThat(find(TextField.class).withId("delivery-replies-address").all()).as("shown only once").isEmpty();
        assertThat(find(Paragraph.class).withId("delivery-replies-state").single().getText())
                .startsWith("A callback address was made on ");
    }

    private void saveTheAlibabaCloudAccountOnTheScreen() {
        navigate(DeliverySettingsView.class);
        find(TextField.class).withId("delivery-aliyun-sms-key-id").single().setValue(keyId);
        find(PasswordField.class).withId("delivery-aliyun-sms-secret").single().setValue("screen-secret-WXYZ");
        find(TextField.class).withId("delivery-aliyun-sms-sign-name").single().setValue("Screen Shop");
        test(find(Button.class).withId("delivery-aliyun-sms-save").single()).click();
    }

    @Test
    void theOwnerSetsAWeeklyCapOfThree() {
        navigate(DeliverySettingsView.class);
        find(IntegerField.class).withId("delivery-weekly-cap").single().setValue(3);
        test(find(Button.class).withId("delivery-rules-save").single()).click();

        assertThat(settings.rules(shop.id()).weeklyCap()).isEqualTo(3);
        assertThat(find(Notification.class).all().stream().map(n -> test(n).getText()).toList())
                .contains("Settings saved.");
        find(IntegerField.class).withId("delivery-weekly-cap").single().setValue(4);
        test(find(Button.class).withId("delivery-rules-save").single()).click();
        assertThat(settings.rules(shop.id()).weeklyCap()).as("saved twice from the same screen").isEqualTo(4);
    }
}
