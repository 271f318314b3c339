package com.tierpilot.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as stored, with its status as of now; the member counts are those frozen at launch. {@code revisitPlanId}:
 * the revisit plan of the revisit-plan action.
 */
public record Campaign(long id, String name, @Nullable String goal, CampaignStatus status, List<String> include,
        List<String> exclude, @Nullable String requiredRule, int holdoutPercent, Instant startsAt, Instant endsAt,
        Set<CampaignAction> actions, @Nullable Instant launchedAt, int targetMembers, int controlMembers,
        @Nullable CouponTerms coupon, @Nullable Long revisitPlanId) {
}
