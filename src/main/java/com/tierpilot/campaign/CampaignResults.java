package com.tierpilot.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Target against control since launch. {@code conversionLift} is the difference in the share of members who bought
 * (percentage points as a fraction); {@code revenueLift} the difference in revenue per member.
 * {@code incrementalRevenue} = revenue lift × target members; {@code roi} = (incremental revenue − discount cost) /
 * discount cost, null without any discount.
 */
public record CampaignResults(long campaignId, Instant since, Instant until, Group target, Group control,
        Lift.@Nullable Interval conversionLift, Lift.@Nullable Interval revenueLift, BigDecimal incrementalRevenue,
        BigDecimal discountCost, @Nullable Double roi) {

    /** One group's figures. Rates are fractions of the members. */
    public record Group(int members, int redemptions, int redeemers, double redemptionRate, int buyers,
            double buyerRate, long orders, BigDecimal revenue, double revenuePerMember, BigDecimal discounts) {
    }
}
