package com.tierpilot.tenant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An active API token as the owner sees it: never the token itself, only its first characters. */
public record ApiTokenSummary(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt) {
}
