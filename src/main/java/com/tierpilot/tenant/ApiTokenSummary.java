package com.tierpilot.tenant;

import com.tierpilot.base.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An active API token as the owner sees it: never the token itself, only its first characters.
 *
 * @param manager the account manager it is bound to (it reaches their customers and the pool's); null: the company's
 */
public record ApiTokenSummary(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
        @Nullable UserId manager) {
}
