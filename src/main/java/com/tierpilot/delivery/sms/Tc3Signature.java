package com.tierpilot.delivery.sms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Tencent Cloud API 3.0 signature TC3-HMAC-SHA256 for a JSON POST, as documented in "Signature v3" and done by the
 * official tencentcloud-sdk-java ({@code AbstractClient}, {@code Sign.sha256Hex}/{@code hmac256}):
 * <ol>
 * <li>{@code CanonicalRequest = "POST\n/\n\n" + "content-type:" + ct + "\nhost:" + host + "\n\n"
 * + "content-type;host\n" + hex(SHA256(payload))};</li>
 * <li>{@code StringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
 * + hex(SHA256(CanonicalRequest))}, the date being the timestamp's UTC date;</li>
 * <li>the key derived as HMAC-SHA256 of {@code "TC3" + SecretKey} over the date, then the service, then
 * {@code "tc3_request"}; the signature is the hex HMAC-SHA256 of the string to sign under it;</li>
 * <li>{@code Authorization: TC3-HMAC-SHA256 Credential=SecretId/date/service/tc3_request,
 * SignedHeaders=content-type;host, Signature=...}.</li>
 * </ol>
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    public static final String SIGNED_HEADERS = "content-type;host";

    private Tc3Signature() {
    }

    /** The parts of one signature, each as the documentation shows it. */
    public record Signed(String canonicalRequest, String credentialScope, String stringToSign, String signature,
            String authorization) {
    }

    public static Signed sign(String secretId, String secretKey, String service, String host, String contentType,
            String payload, long timestamp) {
        String canonicalRequest = "POST\n/\n\n" + "content-type:" + contentType + "\nhost:" + host + "\n\n"
                + SIGNED_HEADERS + "\n" + Hmac.sha256Hex(payload);
        String date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + Hmac.sha256Hex(canonicalRequest);
        byte[] secretDate = Hmac.mac("HmacSHA256", ("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Hmac.mac("HmacSHA256", secretDate, service);
        byte[] secretSigning = Hmac.mac("HmacSHA256", secretService, "tc3_request");
        String signature = HexFormat.of().formatHex(Hmac.mac("HmacSHA256", secretSigning, stringToSign));
        String authorization = ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders="
                + SIGNED_HEADERS + ", Signature=" + signature;
        return new Signed(canonicalRequest, scope, stringToSign, signature, authorization);
    }
}
