package com.tierpilot.loyalty;

/**
 * A redemption of a reward: the reward, the points it took and the balance after it; {@code repeated} when its
 * idempotency key had been used, and this is the first call's redemption.
 */
public record RewardRedemption(long id, long rewardId, String rewardName, int points, boolean repeated,
        PointsBalance balance) {
}
