package com.tierpilot.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One entry of a customer's points ledger. */
public record PointsEntry(long id, int points, PointsReason reason, @Nullable String reference,
        String idempotencyKey, @Nullable LocalDate expiresOn, Instant createdAt) {
}
