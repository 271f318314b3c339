package com.tierpilot.loyalty;

/**
 * What a ledger call did: the entry it wrote, or found when the idempotency key had been used before
 * ({@code repeated}), and the balance after it.
 */
public record PointsPosting(long entryId, int points, boolean repeated, PointsBalance balance) {
}
