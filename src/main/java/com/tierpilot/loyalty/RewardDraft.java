package com.tierpilot.loyalty;

import org.jspecify.annotations.Nullable;

/** What the catalogue form edits: a reward's name, text, cost in points, stock (null: no limit) and whether it is on offer. */
public record RewardDraft(String name, @Nullable String description, int pointsCost, @Nullable Integer stock,
        boolean active) {

    public static RewardDraft of(Reward reward) {
        return new RewardDraft(reward.name(), reward.description(), reward.pointsCost(), reward.stock(),
                reward.active());
    }
}
