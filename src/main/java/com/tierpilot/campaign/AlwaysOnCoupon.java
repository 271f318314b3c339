package com.tierpilot.campaign;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The coupon of an always-on campaign's coupon step: a discount as in a one-off campaign, a code prefix, and how many
 * days each entrant's code is valid from its issue.
 */
public record AlwaysOnCoupon(DiscountType type, BigDecimal value, @Nullable BigDecimal spendThreshold,
        BigDecimal minSpend, String prefix, int validDays) {

    public static final int MAX_VALID_DAYS = 366;
}
