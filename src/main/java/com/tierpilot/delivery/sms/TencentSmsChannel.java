package com.tierpilot.delivery.sms;

import com.tierpilot.delivery.Channel;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.ProviderAccount;
import com.tierpilot.delivery.ProviderEndpoints;
import com.tierpilot.delivery.SendResult;
import com.tierpilot.delivery.SmsMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Tencent Cloud SMS: the API 3.0 action {@code SendSms} (version 2021-01-11), a JSON POST signed with
 * {@link Tc3Signature}. The body names the SmsSdkAppId, the sign name, the template id and the template's
 * parameters by position ({@code TemplateParamSet}); numbers go in E.164 form. An accepted number has
 * {@code Code: "Ok"} in its {@code SendStatusSet} entry, with a {@code SerialNo} for status reports. A request-level
 * {@code Response.Error} or a number's own code is classified from the SDK's documented codes: frequency and daily
 * limits, internal errors, an empty package, arrears and marketing hours are temporary; the rest permanent.
 */
@Component
public class TencentSmsChannel implements Channel<SmsMessage> {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final Set<String> TEMPORARY = Set.of("RequestLimitExceeded", "InternalError", "AuthFailure.SignatureExpire",
            "FailedOperation.InsufficientBalanceInSmsPackage", "FailedOperation.MarketingSendTimeConstraint",
            "UnauthorizedOperation.ServiceSuspendDueToArrears", "ResourceUnavailable");
    static final Set<String> TEMPORARY_PREFIXES = Set.of("LimitExceeded.", "InternalError.", "RequestLimitExceeded.");
    /** Not temporary, though a limit: more than 200 numbers in one request will never pass. */
    static final String TOO_MANY_NUMBERS = "LimitExceeded.PhoneNumberCountLimit";

    private final URI endpoint;
    private final SmsHttp http;
    private final Clock clock;
    private final java.time.Duration timeout;

    TencentSmsChannel(ProviderEndpoints endpoints, Clock clock) {
        this.endpoint = endpoints.tencent();
        this.timeout = endpoints.timeout();
        this.http = new SmsHttp(endpoints.timeout());
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return Provider.TENCENT_SMS;
    }

    @Override
    public SendResult send(ProviderAccount account, SmsMessage message) {
        String payload = payload(account, message);
        long timestamp = clock.instant().getEpochSecond();
        // The signed host is the Host header the client sends: the endpoint's authority (sms.tencentcloudapi.com).
        String host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        var signed = Tc3Signature.sign(account.accessKeyId(), account.secret(), "sms", host, CONTENT_TYPE, payload,
                timestamp);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", signed.authorization()).header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Action", "SendSms").header("X-TC-Version", "2021-01-11")
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("X-TC-Region", account.region().isBlank() ? "ap-guangzhou" : account.region())
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        return switch (http.exchange(request, "Tencent Cloud SMS")) {
            case SmsHttp.Failed failed -> failed.result();
            case SmsHttp.Json json -> result(json.status(), json.body());
        };
    }

    static String payload(ProviderAccount account, SmsMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PhoneNumberSet", List.of(e164(message.phone())));
        body.put("SmsSdkAppId", account.appId() == null ? "" : account.appId());
        body.put("SignName", account.signName());
        body.put("TemplateId", message.templateCode());
        body.put("TemplateParamSet", new ArrayList<>(message.params().values()));
        if (!message.outId().isBlank()) {
            body.put("SessionContext", message.outId());
        }
        return SmsHttp.JSON.writeValueAsString(body);
    }

    /** A mainland mobile number ({@code 13800138000}) gets the +86 that Tencent Cloud wants. */
    static String e164(String phone) {
        String digits = phone.replace(" ", "").replace("-", "");
        if (digits.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("86") && digits.length() == 13) {
            return "+" + digits;
        }
        return "+86" + digits;
    }

    static SendResult result(int status, JsonNode body) {
        JsonNode response = body.path("Response");
        JsonNode error = response.path("Error");
        if (error.isObject()) {
            return classify(SmsHttp.text(error, "Code"), SmsHttp.text(error, "Message"));
        }
        JsonNode statuses = response.path("SendStatusSet");
        if (status != 200 || !statuses.isArray() || statuses.isEmpty()) {
            return SendResult.temporary("HTTP_" + status, null);
        }
        JsonNode first = statuses.get(0);
        String code = SmsHttp.text(first, "Code");
        return code.equals("Ok") ? SendResult.accepted(SmsHttp.text(first, "SerialNo"))
                : classify(code, SmsHttp.text(first, "Message"));
    }

    static SendResult classify(String code, String message) {
        boolean temporary = !code.equals(TOO_MANY_NUMBERS) && (TEMPORARY.contains(code)
                || TEMPORARY_PREFIXES.stream().anyMatch(code::startsWith));
        return temporary ? SendResult.temporary(code, message) : SendResult.permanent(code, message);
    }
}
