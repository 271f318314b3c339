package com.tierpilot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.delivery.SendResult.Outcome;
import com.tierpilot.support.AliyunSmsSimulator;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TencentSmsSimulator;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * A company's delivery settings: the rules with their defaults and limits, provider secrets stored only encrypted and
 * shown masked, a test message through the provider that the application really calls (a local server playing it).
 */
@IntegrationTest
class DeliverySettingsServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    DeliverySettingsService settings;
    @Autowired
    AliyunSmsSimulator aliyun;
    @Autowired
    TencentSmsSimulator tencent;
    @Autowired
    JdbcTemplate jdbc;

    TestTenant shop;
    String keyId;

    @BeforeEach
    void aShopSignedInAsItsOwner() {
        shop = tenants.signUp("Delivery Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE).signInAsOwner();
        keyId = "LTAI" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aNewCompanyHasQuietHoursFromNineAtNightToNineInTheMorningAndTwoMessagesAWeek() {
        DeliveryRules rules = settings.rules(shop.id());
        assertThat(rules.quietStart()).isEqualTo(LocalTime.of(21, 0));
        assertThat(rules.quietEnd()).isEqualTo(LocalTime.of(9, 0));
        assertThat(rules.weeklyCap()).isEqualTo(2);
        assertThat(rules.unsubscribeText()).isEqualTo("回T退订");
        assertThat(rules.isQuiet(LocalTime.of(23, 30))).isTrue();
        assertThat(rules.isQuiet(LocalTime.of(8, 59))).isTrue();
        assertThat(rules.isQuiet(LocalTime.of(9, 0))).isFalse();
        assertThat(rules.isQuiet(LocalTime.of(20, 59))).isFalse();
    }

    @Test
    void theOwnerChangesTheRulesAndAStaleFormCannotOverwriteThem() {
        DeliveryRules read = settings.rules(shop.id());
        settings.saveRules(shop.id(), new DeliveryRules(LocalTime.of(22, 0), LocalTime.of(8, 0), 3,
                new BigDecimal("0.0500"), null, " 拒收请回复R ", read.version()));

        DeliveryRules saved = settings.rules(shop.id());
        assertThat(saved.weeklyCap()).isEqualTo(3);
        assertThat(saved.smsPricePerPart()).isEqualByComparingTo("0.05");
        assertThat(saved.unsubscribeText()).isEqualTo("拒收请回复R");
        assertThatThrownBy(() -> settings.saveRules(shop.id(), read))
                .isInstanceOf(com.tierpilot.base.ConflictException.class);
        assertThatThrownBy(() -> settings.saveRules(shop.id(), new DeliveryRules(LocalTime.of(22, 0),
                LocalTime.of(8, 0), 51, BigDecimal.ONE, null, "回T退订", saved.version())))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("delivery.error.cap");
        assertThatThrownBy(() -> settings.saveRules(shop.id(), new DeliveryRules(LocalTime.of(22, 0),
                LocalTime.of(8, 0), 2, BigDecimal.ONE, Provider.TENCENT_SMS, "回T退订", saved.version())))
                .as("no campaign provider without an account").hasMessageContaining("delivery.error.providerMissing");
    }

    @Test
    void aSecretIsStoredOnlyEncryptedAndShownOnlyMasked() {
        ProviderSettings shown = settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId,
                "s3cret-Value-ABCD", "星河小店", null, "cn-hangzhou"));

        assertThat(shown.maskedSecret()).isEqualTo("••••ABCD");
        String stored = jdbc.queryForObject("select secret_sealed from delivery_provider where tenant_id = ?",
                String.class, shop.id().value());
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret").doesNotContain("ABCD");
        assertThat(settings.providers(shop.id())).singleElement()
                .satisfies(p -> assertThat(p.toString()).doesNotContain("s3cret-Value"));

        settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId, "", "新签名", null, ""));
        assertThat(jdbc.queryForObject("select secret_sealed from delivery_provider where tenant_id = ?",
                String.class, shop.id().value())).as("a blank secret keeps the stored one").isEqualTo(stored);
        assertThat(settings.account(shop.id(), Provider.ALIYUN_SMS).orElseThrow().secret())
                .isEqualTo("s3cret-Value-ABCD");
    }

    @Test
    void aSealedSecretCopiedIntoAnotherCompanysRowDoesNotDecrypt() {
        settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId, "s3cret-Value-ABCD", "星河小店",
                null, ""));
        TestTenant thief = tenants.signUp("Thief Co").signInAsOwner();
        settings.saveProvider(thief.id(), new ProviderDraft(Provider.ALIYUN_SMS, "LTAI-thief", "own-secret-1234",
                "小偷", null, ""));
        jdbc.update("update delivery_provider set secret_sealed = (select secret_sealed from delivery_provider"
                + " where tenant_id = ?) where tenant_id = ?", shop.id().value(), thief.id().value());

        assertThatThrownBy(() -> settings.account(thief.id(), Provider.ALIYUN_SMS))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("delivery.error.secretUnreadable");
    }

    @Test
    void aFirstAccountNeedsItsSecretAndTencentNeedsItsSmsSdkAppId() {
        assertThatThrownBy(() -> settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId, "",
                "星河小店", null, ""))).hasMessageContaining("delivery.error.secretRequired");
        assertThatThrownBy(() -> settings.saveProvider(shop.id(), new ProviderDraft(Provider.TENCENT_SMS, "AKID1",
                "key-123456789", "星河小店", "", ""))).hasMessageContaining("delivery.error.appId");
    }

    @Test
    void onlyTheOwnerSeesOrChangesTheAccounts() {
        TestTenants.signIn(shop.addUser(Role.MARKETER));
        assertThatThrownBy(() -> settings.providers(shop.id())).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId,
                "s3cret", "星河小店", null, ""))).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void aTestMessageGoesThroughAlibabaCloudWithTheCompanysOwnAccount() {
        aliyun.account(keyId, "s3cret-Value-ABCD").signName("星河小店").template("SMS_900000001", "name");
        settings.saveProvider(shop.id(), new ProviderDraft(Provider.ALIYUN_SMS, keyId, "s3cret-Value-ABCD", "星河小店",
                null, ""));

        SendResult result = settings.sendTestSms(shop.id(), Provider.ALIYUN_SMS, SmsMessage.of("13812345678",
                "SMS_900000001", Map.of("name", "店长")));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(aliyun.received()).filteredOn(r -> r.accessKeyId().equals(keyId)).singleElement()
                .satisfies(r -> {
                    assertThat(r.phone()).isEqualTo("13812345678");
                    assertThat(r.params()).containsEntry("name", "店长");
                });
        assertThatThrownBy(() -> settings.sendTestSms(shop.id(), Provider.TENCENT_SMS, SmsMessage.of(
                "13812345678", "1", Map.of()))).hasMessageContaining("delivery.error.providerMissing");
        assertThatThrownBy(() -> settings.sendTestSms(shop.id(), Provider.ALIYUN_SMS, SmsMessage.of("call me",
                "SMS_900000001", Map.of()))).hasMessageContaining("delivery.error.phone");
    }

    @Test
    void aTestMessageThroughTencentCloudReportsTheProvidersRefusal() {
        String secretId = "AKID" + keyId;
        tencent.account(secretId, "tencent-key-0001", "1400123456").signName("星河小店").template("1900001", 1);
        settings.saveProvider(shop.id(), new ProviderDraft(Provider.TENCENT_SMS, secretId, "tencent-key-0001", "星河小店",
                "1400123456", "ap-guangzhou"));

        assertThat(settings.sendTestSms(shop.id(), Provider.TENCENT_SMS, SmsMessage.of("13812345678", "1900001",
                Map.of("code", "8888"))).accepted()).isTrue();
        SendResult refused = settings.sendTestSms(shop.id(), Provider.TENCENT_SMS, SmsMessage.of("13812345678",
                "1999999", Map.of("code", "8888")));
        assertThat(refused.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(refused.code()).isEqualTo("FailedOperation.TemplateIncorrectOrUnapproved");
    }
}
