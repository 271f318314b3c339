package com.tierpilot.delivery;

import org.jspecify.annotations.Nullable;

/**
 * An account at a provider as the owner enters it. A blank {@code secret} keeps the one stored (the screen never
 * has it to show).
 */
public record ProviderDraft(Provider provider, String accessKeyId, @Nullable String secret, String signName,
        @Nullable String appId, String region) {
}
