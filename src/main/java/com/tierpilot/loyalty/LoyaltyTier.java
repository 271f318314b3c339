package com.tierpilot.loyalty;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A member tier: reached at {@code threshold} points earned (or money spent) in the last 12 months; on upgrade, the
 * member may get a code of the campaign {@code upgradeCampaignId} (null: no coupon).
 */
public record LoyaltyTier(long id, String name, BigDecimal threshold, @Nullable String benefits,
        @Nullable Long upgradeCampaignId) {
}
