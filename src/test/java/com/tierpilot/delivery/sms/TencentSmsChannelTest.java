package com.tierpilot.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderAccount;
import com.tierpilot.delivery.ProviderEndpoints;
import com.tierpilot.delivery.SendResult;
import com.tierpilot.delivery.SendResult.Outcome;
import com.tierpilot.delivery.SmsMessage;
import com.tierpilot.support.TencentSmsSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Tencent Cloud SMS adapter end to end against a local server that plays SendSms 2021-01-11: TC3-HMAC-SHA256
 * over what was actually sent, the SmsSdkAppId, sign name, template and its parameter count, E.164 numbers, and the
 * documented error codes, classified temporary or permanent.
 */
class TencentSmsChannelTest {

    private static final ProviderAccount ACCOUNT = new ProviderAccount(Provider.TENCENT_SMS,
            "AKIDtestSecretId0001", "testSecretKey0001", "星河小店", "1400000001", "ap-guangzhou");

    private final TencentSmsSimulator tencent = new TencentSmsSimulator()
            .account("AKIDtestSecretId0001", "testSecretKey0001", "1400000001").signName("星河小店")
            .template("2081001", 2);

    @AfterEach
    void stop() {
        tencent.close();
    }

    private TencentSmsChannel channel(Clock clock) {
        return new TencentSmsChannel(new ProviderEndpoints(URI.create("http://unused/"), tencent.uri(),
                Duration.ofSeconds(3)), clock);
    }

    private SendResult send(ProviderAccount account, String phone, String... params) {
        LinkedHashMap<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i++) {
            named.put("p" + i, params[i]);
        }
        return channel(Clock.systemUTC()).send(account, new SmsMessage(phone, "2081001", named, "m-7"));
    }

    @Test
    void aSignedSendSmsIsAcceptedWithTheParametersInTheTemplatesOrderAndAnE164Number() {
        SendResult result = send(ACCOUNT, "13800138000", "王小明", "SPRING-7K2Q");

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        var got = tencent.received().getFirst();
        assertThat(got.phone()).isEqualTo("+8613800138000");
        assertThat(got.params()).containsExactly("王小明", "SPRING-7K2Q");
        assertThat(got.appId()).isEqualTo("1400000001");
        assertThat(got.signName()).isEqualTo("星河小店");
        assertThat(got.sessionContext()).isEqualTo("m-7");
        assertThat(result.providerMessageId()).isEqualTo(got.serialNo());
    }

    @Test
    void aWrongSecretKeyIsASignatureFailureAndPermanent() {
        var wrong = new ProviderAccount(Provider.TENCENT_SMS, "AKIDtestSecretId0001", "wrong", "星河小店",
                "1400000001", "");
        SendResult result = send(wrong, "13800138000", "A", "B");
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.code()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(tencent.received()).isEmpty();
    }

    @Test
    void anotherAccountsAppIdIsRefusedPermanently() {
        var other = new ProviderAccount(Provider.TENCENT_SMS, "AKIDtestSecretId0001", "testSecretKey0001", "星河小店",
                "1400999999", "");
        assertThat(send(other, "13800138000", "A", "B").code())
                .isEqualTo("UnauthorizedOperation.SmsSdkAppIdVerifyFail");
    }

    @Test
    void perNumberLimitsAreTemporaryAndABlacklistedOrMalformedNumberIsPermanent() {
        tencent.failNumber("+8613700137000", "LimitExceeded.PhoneNumberDailyLimit")
                .failNumber("+8613600136000", "FailedOperation.PhoneNumberInBlacklist");

        SendResult limited = send(ACCOUNT, "13700137000", "A", "B");
        assertThat(limited.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
        assertThat(limited.code()).isEqualTo("LimitExceeded.PhoneNumberDailyLimit");
        SendResult blacklisted = send(ACCOUNT, "13600136000", "A", "B");
        assertThat(blacklisted.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(blacklisted.code()).isEqualTo("FailedOperation.PhoneNumberInBlacklist");
        assertThat(send(ACCOUNT, "+861380013", "A", "B").code())
                .isEqualTo("InvalidParameterValue.IncorrectPhoneNumber");
    }

    @Test
    void theWrongNumberOfTemplateParametersIsPermanent() {
        SendResult result = send(ACCOUNT, "13800138000", "only one");
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.code()).isEqualTo("FailedOperation.TemplateParamSetNotMatchApprovedTemplate");
    }

    @Test
    void aClockTenMinutesOffGetsSignatureExpireWhichIsTemporary() {
        SendResult result = channel(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10))).send(ACCOUNT,
                SmsMessage.of("13800138000", "2081001", Map.of("a", "A", "b", "B")));
        assertThat(result.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
        assertThat(result.code()).isEqualTo("AuthFailure.SignatureExpire");
    }

    @Test
    void theDocumentedCodesAreClassifiedAsRetryingWouldOrWouldNotHelp() {
        for (String temporary : List.of("LimitExceeded.PhoneNumberThirtySecondLimit",
                "LimitExceeded.DeliveryFrequencyLimit",
                "InternalError.Timeout", "RequestLimitExceeded", "FailedOperation.InsufficientBalanceInSmsPackage",
                "FailedOperation.MarketingSendTimeConstraint")) {
            assertThat(TencentSmsChannel.classify(temporary, "").outcome()).as(temporary)
                    .isEqualTo(Outcome.TEMPORARY_FAILURE);
        }
        for (String permanent : List.of("LimitExceeded.PhoneNumberCountLimit", "AuthFailure.SecretIdNotFound",
                "FailedOperation.TemplateIncorrectOrUnapproved",
                "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter")) {
            assertThat(TencentSmsChannel.classify(permanent, "").outcome()).as(permanent)
                    .isEqualTo(Outcome.PERMANENT_FAILURE);
        }
    }
}
