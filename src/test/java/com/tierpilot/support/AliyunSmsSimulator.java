package com.tierpilot.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays Alibaba Cloud SMS (dysmsapi SendSms 2017-05-25) on a local port, checking each request the way the
 * documentation says the service does: the common parameters, the RPC signature (recomputed here independently from
 * the bytes received), the timestamp's 15 minutes, the nonce used once; then the sign name and template approved,
 * every template variable given, a mainland number. It answers with the documented JSON, including the error codes,
 * and can be told to fail a number with a given code.
 */
public final class AliyunSmsSimulator implements AutoCloseable {

    /** One accepted message, as the provider understood it. */
    public record Received(String accessKeyId, String phone, String signName, String templateCode,
            Map<String, String> params, String outId, String bizId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> COMMON = Set.of("AccessKeyId", "Action", "Format", "SignatureMethod",
            "SignatureNonce", "SignatureVersion", "Timestamp", "Version", "Signature");

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Set<String> signNames = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> templates = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(100_000);
    private volatile boolean unavailable;

    public AliyunSmsSimulator() {
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

    public AliyunSmsSimulator account(String accessKeyId, String secret) {
        secrets.put(accessKeyId, secret);
        return this;
    }

    public AliyunSmsSimulator signName(String name) {
        signNames.add(name);
        return this;
    }

    public AliyunSmsSimulator template(String code, String... variables) {
        templates.put(code, List.of(variables));
        return this;
    }

    /** Every message to this number is refused with this documented code. */
    public AliyunSmsSimulator failNumber(String phone, String code) {
        failures.put(phone, code);
        return this;
    }

    /** Whether the service answers 503 without JSON, as a gateway in trouble does. */
    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (unavailable) {
                reply(exchange, 503, "<html>Service Unavailable</html>", "text/html");
                return;
            }
            String raw = exchange.getRequestMethod().equals("POST")
                    ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    : exchange.getRequestURI().getRawQuery();
            Map<String, String> p = parse(raw == null ? "" : raw);
            String error = check(exchange.getRequestMethod(), p);
            if (error != null) {
                int status = error.equals("InvalidAccessKeyId.NotFound") ? 404 : 400;
                reply(exchange, status, answer(error, "Specified parameter is not valid: " + error, null), null);
                return;
            }
            String code = business(p);
            if (code != null) {
                reply(exchange, 200, answer(code, "check " + code, null), null);
                return;
            }
            String bizId = ids.incrementAndGet() + "^0";
            received.add(new Received(p.get("AccessKeyId"), p.get("PhoneNumbers"), p.get("SignName"),
                    p.get("TemplateCode"), params(p.get("TemplateParam")), p.getOrDefault("OutId", ""), bizId));
            reply(exchange, 200, answer("OK", "OK", bizId), null);
        }
    }

    /** The documented checks of every RPC call; null when the request is authentic and complete. */
    private String check(String method, Map<String, String> p) {
        for (String name : COMMON) {
            if (!p.containsKey(name)) {
                return "MissingParameter";
            }
        }
        if (!p.get("SignatureMethod").equals("HMAC-SHA1") || !p.get("SignatureVersion").equals("1.0")) {
            return "InvalidParameter";
        }
        if (!p.get("Action").equals("SendSms") || !p.get("Version").equals("2017-05-25")) {
            return "InvalidAction.NotFound";
        }
        String secret = secrets.get(p.get("AccessKeyId"));
        if (secret == null) {
            return "InvalidAccessKeyId.NotFound";
        }
        if (!signature(method, p, secret).equals(p.get("Signature"))) {
            return "SignatureDoesNotMatch";
        }
        try {
            if (Duration.between(Instant.parse(p.get("Timestamp")), Instant.now()).abs().toMinutes() >= 15) {
                return "InvalidTimeStamp.Expired";
            }
        } catch (DateTimeParseException e) {
            return "InvalidTimeStamp.Format";
        }
        if (!nonces.add(p.get("SignatureNonce"))) {
            return "SignatureNonceUsed";
        }
        return null;
    }

    /** The SendSms checks, answered with HTTP 200 and an isv code; null when the message is accepted. */
    private String business(Map<String, String> p) {
        String phone = p.getOrDefault("PhoneNumbers", "");
        if (!phone.matches("1[3-9][0-9]{9}")) {
            return "isv.MOBILE_NUMBER_ILLEGAL";
        }
        if (!signNames.contains(p.getOrDefault("SignName", ""))) {
            return "isv.SMS_SIGNATURE_ILLEGAL";
        }
        List<String> variables = templates.get(p.getOrDefault("TemplateCode", ""));
        if (variables == null) {
            return "isv.SMS_TEMPLATE_ILLEGAL";
        }
        Map<String, String> params;
        try {
            params = params(p.getOrDefault("TemplateParam", "{}"));
        } catch (RuntimeException e) {
            return "isv.INVALID_JSON_PARAM";
        }
        if (!params.keySet().containsAll(variables)) {
            return "isv.TEMPLATE_MISSING_PARAMETERS";
        }
        return failures.get(phone);
    }

    private static Map<String, String> params(String json) {
        JsonNode node = JSON.readTree(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("TemplateParam is no JSON object");
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        node.properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
        return params;
    }

    /** The documented RPC signature, written here on its own: only A-Z a-z 0-9 - _ . ~ stay unencoded. */
    static String signature(String method, Map<String, String> p, String secret) {
        String query = new TreeMap<>(p).entrySet().stream().filter(e -> !e.getKey().equals("Signature"))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        String toSign = method + "&" + encode("/") + "&" + encode(query);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> p = new TreeMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static String answer(String code, String message, String bizId) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("Code", code);
        body.put("Message", message);
        body.put("RequestId", java.util.UUID.randomUUID().toString().toUpperCase());
        if (bizId != null) {
            body.put("BizId", bizId);
        } else {
            body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + code);
        }
        return JSON.writeValueAsString(body);
    }

    private static void reply(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type == null ? "application/json;charset=utf-8" : type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
