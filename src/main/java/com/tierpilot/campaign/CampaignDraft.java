package com.tierpilot.campaign;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.segmentation.AudienceQuery;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the wizard collects: the campaign's name, goal, target, holdout, schedule, actions, the coupon and (for the
 * revisit-plan action) the revisit plan whose channel and script the members' tasks use.
 */
public record CampaignDraft(String name, @Nullable String goal, List<String> include, List<String> exclude,
        @Nullable String requiredRule, int holdoutPercent, Instant startsAt, Instant endsAt,
        Set<CampaignAction> actions, @Nullable CouponTerms coupon, @Nullable Long revisitPlanId) {

    public static final int DEFAULT_HOLDOUT_PERCENT = 10;

    public CampaignDraft {
        name = name.strip();
        goal = goal == null || goal.isBlank() ? null : goal.strip();
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        actions = Set.copyOf(actions);
        revisitPlanId = actions.contains(CampaignAction.REVISIT_PLAN) ? revisitPlanId : null;
    }

    /** A draft without the revisit-plan action. */
    public CampaignDraft(String name, @Nullable String goal, List<String> include, List<String> exclude,
            @Nullable String requiredRule, int holdoutPercent, Instant startsAt, Instant endsAt,
            Set<CampaignAction> actions, @Nullable CouponTerms coupon) {
        this(name, goal, include, exclude, requiredRule, holdoutPercent, startsAt, endsAt, actions, coupon, null);
    }

    public AudienceQuery audience() {
        return new AudienceQuery(include, exclude, requiredRule);
    }

    /** Refuses a draft that cannot be saved, with a reason the user can act on. */
    public void validate() {
        if (name.isEmpty() || name.length() > 120) {
            throw new UserFacingException("campaigns.error.name");
        }
        if (goal != null && goal.length() > 500) {
            throw new UserFacingException("campaigns.error.goal");
        }
        if (include.isEmpty()) {
            throw new UserFacingException("campaigns.error.target");
        }
        if (holdoutPercent < 0 || holdoutPercent > 90) {
            throw new UserFacingException("campaigns.error.holdout");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new UserFacingException("campaigns.error.schedule");
        }
        if (actions.isEmpty()) {
            throw new UserFacingException("campaigns.error.actions");
        }
        if (actions.contains(CampaignAction.REVISIT_PLAN) && revisitPlanId == null) {
            throw new UserFacingException("campaigns.error.revisitPlan");
        }
        if (actions.contains(CampaignAction.COUPON)) {
            if (coupon == null) {
                throw new UserFacingException("campaigns.error.coupon");
            }
            coupon.validate();
        }
    }
}
