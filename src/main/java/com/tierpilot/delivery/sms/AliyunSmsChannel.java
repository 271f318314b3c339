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
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Alibaba Cloud SMS: the dysmsapi RPC action {@code SendSms} (version 2017-05-25), a form POST signed with
 * {@link AliyunRpcSignature}. The template's parameters go as a JSON object ({@code TemplateParam}). An answer's
 * {@code Code} is {@code OK} when accepted ({@code BizId} identifies the message in status reports); the documented
 * error codes of flow control, daily limits, balance and the provider's own failures are temporary, the rest (an
 * illegal number, a template or sign name not approved, missing parameters, wrong keys) permanent.
 */
@Component
public class AliyunSmsChannel implements Channel<SmsMessage> {

    /** Codes that may succeed later without anyone changing anything, or after a top-up. */
    static final Set<String> TEMPORARY = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL",
            "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE", "isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR", "Throttling",
            "Throttling.User", "Throttling.Api", "ServiceUnavailable", "InternalError", "SignatureNonceUsed",
            "InvalidTimeStamp.Expired");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final URI endpoint;
    private final SmsHttp http;
    private final Clock clock;
    private final java.time.Duration timeout;

    AliyunSmsChannel(ProviderEndpoints endpoints, Clock clock) {
        this.endpoint = endpoints.aliyun();
        this.timeout = endpoints.timeout();
        this.http = new SmsHttp(endpoints.timeout());
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return Provider.ALIYUN_SMS;
    }

    @Override
    public SendResult send(ProviderAccount account, SmsMessage message) {
        Map<String, String> parameters = parameters(account, message, Instant.now(clock),
                UUID.randomUUID().toString());
        parameters.put("Signature", AliyunRpcSignature.signature(account.secret(), "POST", parameters));
        String form = parameters.entrySet().stream()
                .map(e -> AliyunRpcSignature.percentEncode(e.getKey()) + "="
                        + AliyunRpcSignature.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        return switch (http.exchange(request, "Alibaba Cloud SMS")) {
            case SmsHttp.Failed failed -> failed.result();
            case SmsHttp.Json json -> result(json.status(), json.body());
        };
    }

    /** The request's parameters, without the signature, as the SendSms documentation lists them. */
    static Map<String, String> parameters(ProviderAccount account, SmsMessage message, Instant now, String nonce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", account.accessKeyId());
        p.put("Action", "SendSms");
        p.put("Format", "JSON");
        p.put("RegionId", account.region().isBlank() ? "cn-hangzhou" : account.region());
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", nonce);
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", TIMESTAMP.format(now.truncatedTo(ChronoUnit.SECONDS)));
        p.put("Version", "2017-05-25");
        p.put("PhoneNumbers", message.phone().startsWith("+86") ? message.phone().substring(3) : message.phone());
        p.put("SignName", account.signName());
        p.put("TemplateCode", message.templateCode());
        p.put("TemplateParam", SmsHttp.JSON.writeValueAsString(message.params()));
        if (!message.outId().isBlank()) {
            p.put("OutId", message.outId());
        }
        return p;
    }

    static SendResult result(int status, JsonNode body) {
        String code = SmsHttp.text(body, "Code");
        String detail = SmsHttp.text(body, "Message");
        if (status == 200 && code.equals("OK")) {
            return SendResult.accepted(SmsHttp.text(body, "BizId"));
        }
        if (code.isEmpty()) {
            code = "HTTP_" + status;
        }
        return TEMPORARY.contains(code) || status >= 500 ? SendResult.temporary(code, detail)
                : SendResult.permanent(code, detail);
    }
}
