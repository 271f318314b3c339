package com.tierpilot.delivery.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alibaba Cloud's RPC request signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as documented in "RPC API
 * signature" and done by the official aliyun-openapi-java-sdk ({@code RpcSignatureComposer}, {@code AcsURLEncoder}):
 * <ol>
 * <li>every parameter but {@code Signature}, sorted by name, percent-encoded with only {@code A-Z a-z 0-9 - _ . ~}
 * left as they are (so a space is {@code %20}, {@code *} is {@code %2A}, {@code ~} stays), joined as
 * {@code name=value&...};</li>
 * <li>{@code StringToSign = HTTPMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery)};</li>
 * <li>{@code Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))}.</li>
 * </ol>
 */
public final class AliyunRpcSignature {

    private AliyunRpcSignature() {
    }

    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** The sorted, encoded query of all parameters but {@code Signature}. */
    public static String canonicalizedQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream().filter(e -> !e.getKey().equals("Signature"))
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery(parameters));
    }

    public static String signature(String accessKeySecret, String httpMethod, Map<String, String> parameters) {
        return Base64.getEncoder().encodeToString(Hmac.mac("HmacSHA1",
                (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), stringToSign(httpMethod, parameters)));
    }
}
