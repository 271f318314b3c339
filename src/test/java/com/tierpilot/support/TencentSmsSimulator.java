package com.tierpilot.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays Tencent Cloud SMS (API 3.0, SendSms 2021-01-11) on a local port, checking each request as "Signature v3"
 * and the SendSms documentation say: the X-TC-* headers, the Authorization's credential scope (the timestamp's UTC
 * date, service sms), the TC3-HMAC-SHA256 signature recomputed here independently over the Content-Type and Host
 * actually received and the body's bytes, the timestamp's 5 minutes; then the SmsSdkAppId of the key's account, the
 * approved sign name and template, the number of template parameters, and E.164 numbers. Errors come as the
 * documented {@code Response.Error} or as a number's {@code Code} in {@code SendStatusSet}.
 */
public final class TencentSmsSimulator implements AutoCloseable {

    /** One accepted message, as the provider understood it. */
    public record Received(String secretId, String phone, String appId, String signName, String templateId,
            List<String> params, String sessionContext, String serialNo) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/([0-9-]+)/([a-z]+)/tc3_request, SignedHeaders=([a-z;-]+),"
                    + " Signature=([0-9a-f]{64})");

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> appIds = new ConcurrentHashMap<>();
    private final Set<String> signNames = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> templates = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong serials = new AtomicLong(2_000_000);

    public TencentSmsSimulator() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** An account: its SecretId and SecretKey, and the SmsSdkAppId of its SMS application. */
    public TencentSmsSimulator account(String secretId, String secretKey, String sdkAppId) {
        secrets.put(secretId, secretKey);
        appIds.put(secretId, sdkAppId);
        return this;
    }

    public TencentSmsSimulator signName(String name) {
        signNames.add(name);
        return this;
    }

    public TencentSmsSimulator template(String id, int parameters) {
        templates.put(id, parameters);
        return this;
    }

    /** Every message to this E.164 number gets this documented code in its SendStatusSet entry. */
    public TencentSmsSimulator failNumber(String e164, String code) {
        failures.put(e164, code);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            String error = authenticate(exchange.getRequestMethod(), h.getFirst("Authorization"),
                    h.getFirst("Content-Type"), h.getFirst("Host"), h.getFirst("X-TC-Action"),
                    h.getFirst("X-TC-Version"), h.getFirst("X-TC-Timestamp"), body);
            if (error != null) {
                reply(exchange, error(error));
                return;
            }
            JsonNode request = JSON.readTree(body);
            String secretId = credential(h.getFirst("Authorization")).group(1);
            reply(exchange, send(secretId, request));
        } catch (RuntimeException e) {
            reply(exchange, error("FailedOperation.JsonParseFail"));
        }
    }

    private String authenticate(String method, String authorization, String contentType, String host, String action,
            String version, String timestamp, byte[] body) {
        if (!"POST".equals(method) || authorization == null || contentType == null || host == null
                || timestamp == null) {
            return "MissingParameter";
        }
        if (!"SendSms".equals(action) || !"2021-01-11".equals(version)) {
            return "InvalidAction";
        }
        Matcher m = credential(authorization);
        if (m == null) {
            return "AuthFailure.InvalidAuthorization";
        }
        String secretKey = secrets.get(m.group(1));
        if (secretKey == null) {
            return "AuthFailure.SecretIdNotFound";
        }
        long ts = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - ts) > 300) {
            return "AuthFailure.SignatureExpire";
        }
        String date = Instant.ofEpochSecond(ts).atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (!m.group(2).equals(date) || !m.group(3).equals("sms") || !m.group(4).equals("content-type;host")) {
            return "AuthFailure.SignatureFailure";
        }
        String canonical = "POST\n/\n\ncontent-type:" + contentType.toLowerCase().strip() + "\nhost:"
                + host.toLowerCase().strip() + "\n\ncontent-type;host\n" + hex(sha256(body));
        String toSign = "TC3-HMAC-SHA256\n" + ts + "\n" + date + "/sms/tc3_request\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] k = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, "sms");
        k = hmac(k, "tc3_request");
        return hex(hmac(k, toSign)).equals(m.group(5)) ? null : "AuthFailure.SignatureFailure";
    }

    private Map<String, Object> send(String secretId, JsonNode request) {
        if (!request.path("SmsSdkAppId").asString("").equals(appIds.get(secretId))) {
            return error("UnauthorizedOperation.SmsSdkAppIdVerifyFail");
        }
        if (!signNames.contains(request.path("SignName").asString(""))) {
            return error("FailedOperation.SignatureIncorrectOrUnapproved");
        }
        Integer parameters = templates.get(request.path("TemplateId").asString(""));
        if (parameters == null) {
            return error("FailedOperation.TemplateIncorrectOrUnapproved");
        }
        List<String> params = new ArrayList<>();
        request.path("TemplateParamSet").forEach(p -> params.add(p.asString()));
        if (params.size() != parameters) {
            return error("FailedOperation.TemplateParamSetNotMatchApprovedTemplate");
        }
        JsonNode numbers = request.path("PhoneNumberSet");
        if (!numbers.isArray() || numbers.isEmpty()) {
            return error("MissingParameter.EmptyPhoneNumberSet");
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (JsonNode number : numbers) {
            String phone = number.asString();
            String code = phone.matches("\\+861[3-9][0-9]{9}") ? failures.getOrDefault(phone, "Ok")
                    : "InvalidParameterValue.IncorrectPhoneNumber";
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("SerialNo", code.equals("Ok") ? "2645:" + serials.incrementAndGet() : "");
            status.put("PhoneNumber", phone);
            status.put("Fee", code.equals("Ok") ? 1 : 0);
            status.put("SessionContext", request.path("SessionContext").asString(""));
            status.put("Code", code);
            status.put("Message", code.equals("Ok") ? "send success" : "check " + code);
            status.put("IsoCode", "CN");
            statuses.add(status);
            if (code.equals("Ok")) {
                received.add(new Received(secretId, phone, request.path("SmsSdkAppId").asString(),
                        request.path("SignName").asString(), request.path("TemplateId").asString(), params,
                        request.path("SessionContext").asString(""), (String) status.get("SerialNo")));
            }
        }
        return Map.of("Response", Map.of("SendStatusSet", statuses, "RequestId", java.util.UUID.randomUUID()
                .toString()));
    }

    private static Matcher credential(String authorization) {
        Matcher m = AUTHORIZATION.matcher(authorization);
        return m.matches() ? m : null;
    }

    private static Map<String, Object> error(String code) {
        return Map.of("Response", Map.of("Error", Map.of("Code", code, "Message", "check " + code), "RequestId",
                java.util.UUID.randomUUID().toString()));
    }

    private static void reply(HttpExchange exchange, Map<String, Object> answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
