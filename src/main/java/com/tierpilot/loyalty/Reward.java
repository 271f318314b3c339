package com.tierpilot.loyalty;

import org.jspecify.annotations.Nullable;

/**
 * A reward of the catalogue: what it costs in points and how many are left ({@code stock} null: no limit).
 * {@code version} guards edits against a concurrent change.
 */
public record Reward(long id, String name, @Nullable String description, int pointsCost, @Nullable Integer stock,
        int redeemed, boolean active, int version) {

    /** How many can still be redeemed; null when there is no limit. */
    public @Nullable Integer remaining() {
        return stock == null ? null : Math.max(0, stock - redeemed);
    }
}
