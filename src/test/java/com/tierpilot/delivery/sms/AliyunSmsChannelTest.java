package com.tierpilot.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderAccount;
import com.tierpilot.delivery.ProviderEndpoints;
import com.tierpilot.delivery.SendResult;
import com.tierpilot.delivery.SendResult.Outcome;
import com.tierpilot.delivery.SmsMessage;
import com.tierpilot.support.AliyunSmsSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Alibaba Cloud SMS adapter end to end against a local server that plays dysmsapi: it checks the signature,
 * parameters, timestamp and nonce as documented and answers with the documented codes, which the adapter classifies.
 */
class AliyunSmsChannelTest {

    private static final ProviderAccount ACCOUNT = new ProviderAccount(Provider.ALIYUN_SMS, "LTAI5tTestKey",
            "test-secret-with+special/chars", "星河小店", null, "cn-hangzhou");

    private final AliyunSmsSimulator aliyun = new AliyunSmsSimulator().account("LTAI5tTestKey",
            "test-secret-with+special/chars").signName("星河小店").template("SMS_465000001", "name", "code");

    @AfterEach
    void stop() {
        aliyun.close();
    }

    private AliyunSmsChannel channel(URI endpoint, Clock clock) {
        return new AliyunSmsChannel(new ProviderEndpoints(endpoint, URI.create("http://unused/"),
                Duration.ofSeconds(3)), clock);
    }

    private SendResult send(ProviderAccount account, String phone, Map<String, String> params) {
        return channel(aliyun.uri(), Clock.systemUTC()).send(account, new SmsMessage(phone, "SMS_465000001",
                new LinkedHashMap<>(params), "m-42"));
    }

    @Test
    void aSignedSendSmsIsAcceptedAndTheProviderGetsTheTemplateParametersAsJson() {
        SendResult result = send(ACCOUNT, "13800138000", Map.of("name", "王小明 & Co", "code", "SPRING-7K2Q"));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.providerMessageId()).endsWith("^0");
        var got = aliyun.received().getFirst();
        assertThat(got.phone()).isEqualTo("13800138000");
        assertThat(got.signName()).isEqualTo("星河小店");
        assertThat(got.params()).containsEntry("name", "王小明 & Co").containsEntry("code", "SPRING-7K2Q");
        assertThat(got.outId()).isEqualTo("m-42");
        assertThat(got.bizId()).isEqualTo(result.providerMessageId());
    }

    @Test
    void anE164MainlandNumberIsSentWithoutItsCountryCode() {
        assertThat(send(ACCOUNT, "+8613900139000", Map.of("name", "A", "code", "B")).accepted()).isTrue();
        assertThat(aliyun.received().getFirst().phone()).isEqualTo("13900139000");
    }

    @Test
    void aWrongSecretIsRefusedAsSignatureDoesNotMatchAndIsPermanent() {
        var wrong = new ProviderAccount(Provider.ALIYUN_SMS, "LTAI5tTestKey", "not-the-secret", "星河小店", null, "");
        SendResult result = send(wrong, "13800138000", Map.of("name", "A", "code", "B"));
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(aliyun.received()).isEmpty();
    }

    @Test
    void anUnknownAccessKeyIsPermanent() {
        var unknown = new ProviderAccount(Provider.ALIYUN_SMS, "LTAI-nobody", "x", "星河小店", null, "");
        assertThat(send(unknown, "13800138000", Map.of("name", "A", "code", "B")).code())
                .isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @Test
    void flowControlIsTemporaryAndAnIllegalNumberOrMissingParameterIsPermanent() {
        aliyun.failNumber("13700137000", "isv.BUSINESS_LIMIT_CONTROL").failNumber("13600136000",
                "isv.DAY_LIMIT_CONTROL");

        SendResult limited = send(ACCOUNT, "13700137000", Map.of("name", "A", "code", "B"));
        assertThat(limited.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
        assertThat(limited.code()).isEqualTo("isv.BUSINESS_LIMIT_CONTROL");
        assertThat(send(ACCOUNT, "13600136000", Map.of("name", "A", "code", "B")).outcome())
                .isEqualTo(Outcome.TEMPORARY_FAILURE);

        SendResult illegal = send(ACCOUNT, "1380013", Map.of("name", "A", "code", "B"));
        assertThat(illegal.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(illegal.code()).isEqualTo("isv.MOBILE_NUMBER_ILLEGAL");
        SendResult missing = send(ACCOUNT, "13800138000", Map.of("name", "A"));
        assertThat(missing.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(missing.code()).isEqualTo("isv.TEMPLATE_MISSING_PARAMETERS");
    }

    @Test
    void anUnapprovedSignNameIsPermanent() {
        var other = new ProviderAccount(Provider.ALIYUN_SMS, "LTAI5tTestKey", "test-secret-with+special/chars",
                "未审核签名", null, "");
        assertThat(send(other, "13800138000", Map.of("name", "A", "code", "B")).code())
                .isEqualTo("isv.SMS_SIGNATURE_ILLEGAL");
    }

    @Test
    void aClockTwentyMinutesOffIsRefusedAsAnExpiredTimestampWhichIsTemporary() {
        var skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        SendResult result = channel(aliyun.uri(), skewed).send(ACCOUNT, SmsMessage.of("13800138000",
                "SMS_465000001", Map.of("name", "A", "code", "B")));
        assertThat(result.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
        assertThat(result.code()).isEqualTo("InvalidTimeStamp.Expired");
    }

    @Test
    void aGatewayErrorWithoutJsonAndAnUnreachableServerAreTemporary() {
        aliyun.unavailable(true);
        SendResult unavailable = send(ACCOUNT, "13800138000", Map.of("name", "A", "code", "B"));
        assertThat(unavailable.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
        assertThat(unavailable.code()).isEqualTo("HTTP_503");

        URI closed = aliyun.uri();
        aliyun.close();
        SendResult unreachable = channel(closed, Clock.systemUTC()).send(ACCOUNT, SmsMessage.of("13800138000",
                "SMS_465000001", Map.of("name", "A", "code", "B")));
        assertThat(unreachable.outcome()).isEqualTo(Outcome.TEMPORARY_FAILURE);
        assertThat(unreachable.code()).isEqualTo("NETWORK");
    }
}
