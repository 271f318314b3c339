package com.tierpilot.delivery;

import org.jspecify.annotations.Nullable;

/**
 * A company's account at a provider, with its secret decrypted: it lives only in memory while a message is sent,
 * and {@link #toString()} never prints the secret.
 *
 * @param accessKeyId Alibaba Cloud AccessKey ID, or Tencent Cloud SecretId
 * @param secret Alibaba Cloud AccessKey secret, or Tencent Cloud SecretKey
 * @param signName the approved sign name (签名) put in front of every SMS; for e-mail, the sender's display name
 * @param appId Tencent Cloud's SmsSdkAppId; null for Alibaba Cloud
 * @param region the provider's region, e.g. {@code cn-hangzhou} or {@code ap-guangzhou}
 */
public record ProviderAccount(Provider provider, String accessKeyId, String secret, String signName,
        @Nullable String appId, String region) {

    @Override
    public String toString() {
        return "ProviderAccount[" + provider + ", " + accessKeyId + ", secret=****, " + signName + ", " + appId + ", "
                + region + "]";
    }
}
