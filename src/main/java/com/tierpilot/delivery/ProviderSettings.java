package com.tierpilot.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A company's account at a provider as screens show it: the secret only masked ({@code ••••} and its last four
 * characters).
 */
public record ProviderSettings(Provider provider, String accessKeyId, String maskedSecret, String signName,
        @Nullable String appId, String region, Instant updatedAt) {
}
