package com.tierpilot.campaign;

import com.tierpilot.base.UserFacingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an always-on campaign does, one version of it. The trigger: {@link AlwaysOnTrigger#SEGMENT} with
 * {@code scheme}/{@code segment} (RFM, ABC, LIFECYCLE or RULE and its key); {@link AlwaysOnTrigger#TIER_DROP} with
 * the ABC tier dropped from in {@code segment}; {@link AlwaysOnTrigger#P_ALIVE} with {@code threshold};
 * {@link AlwaysOnTrigger#BIRTHDAY} and {@link AlwaysOnTrigger#FIRST_ORDER} with {@code triggerDays} (before the
 * birthday, after the first order). {@code reentryDays} null: a customer enters once ever; else again when the last
 * entry is that many days old and over. {@code windowDays}: conversion and revenue count within so many days of the
 * entry. One to three steps; a coupon step needs {@code coupon}.
 */
public record AlwaysOnDefinition(AlwaysOnTrigger trigger, @Nullable String scheme, @Nullable String segment,
        @Nullable BigDecimal threshold, @Nullable Integer triggerDays, int holdoutPercent,
        @Nullable Integer reentryDays, Set<ExitCondition> exits, int windowDays, List<JourneyStep> steps,
        @Nullable AlwaysOnCoupon coupon) {

    /** The schemes a segment trigger can name. */
    public static final List<String> SCHEMES = List.of("RFM", "ABC", "LIFECYCLE", "RULE");
    /** A coupon of an always-on campaign is valid, as a whole, until this far instant; each code for its days. */
    static final Instant FOREVER = Instant.parse("2999-12-31T00:00:00Z");

    public AlwaysOnDefinition {
        exits = exits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(exits));
        steps = List.copyOf(steps);
    }

    /** The days from entry to the last step: the sum of the waits. */
    public int totalWaitDays() {
        return steps.stream().mapToInt(JourneyStep::waitDays).sum();
    }

    /** Whether a step gives a coupon. */
    public boolean hasCoupon() {
        return steps.stream().anyMatch(s -> s.action() == AlwaysOnAction.COUPON);
    }

    /** The one-off campaign actions its steps amount to, for the campaign row. */
    Set<CampaignAction> actions() {
        Set<CampaignAction> actions = EnumSet.noneOf(CampaignAction.class);
        for (JourneyStep s : steps) {
            actions.add(switch (s.action()) {
                case COUPON -> CampaignAction.COUPON;
                case DOUBLE_POINTS -> CampaignAction.LOYALTY_REWARD;
                case REVISIT -> CampaignAction.REVISIT_PLAN;
            });
        }
        return actions;
    }

    /** The coupon as campaign coupon terms: unique codes, valid as a whole for good (each code for its days). */
    @Nullable CouponTerms couponTerms(Instant from) {
        if (coupon == null || !hasCoupon()) {
            return null;
        }
        return new CouponTerms(coupon.type(), coupon.value(), coupon.spendThreshold(), coupon.minSpend(), from,
                FOREVER, List.of(), CodeMode.UNIQUE, coupon.prefix(), null, 1, 1, null);
    }

    /** Refuses a definition that cannot run, with a reason the user can act on. */
    public void validate() {
        switch (trigger) {
            case SEGMENT -> {
                if (scheme == null || !SCHEMES.contains(scheme) || segment == null || segment.isBlank()) {
                    throw new UserFacingException("alwaysOn.error.segment");
                }
            }
            case TIER_DROP -> {
                if (!"A".equals(segment) && !"B".equals(segment)) {
                    throw new UserFacingException("alwaysOn.error.tier");
                }
            }
            case P_ALIVE -> {
                if (threshold == null || threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) >= 0) {
                    throw new UserFacingException("alwaysOn.error.threshold");
                }
            }
            case BIRTHDAY, FIRST_ORDER -> {
                if (triggerDays == null || triggerDays < 0 || triggerDays > 365) {
                    throw new UserFacingException("alwaysOn.error.days");
                }
            }
        }
        if (holdoutPercent < 0 || holdoutPercent > 90) {
            throw new UserFacingException("campaigns.error.holdout");
        }
        if (reentryDays != null && (reentryDays < 1 || reentryDays > 3650)) {
            throw new UserFacingException("alwaysOn.error.reentry");
        }
        if (windowDays < 1 || windowDays > 365) {
            throw new UserFacingException("alwaysOn.error.window");
        }
        if (steps.isEmpty() || steps.size() > 3) {
            throw new UserFacingException("alwaysOn.error.steps");
        }
        if (steps.stream().filter(s -> s.action() == AlwaysOnAction.COUPON).count() > 1) {
            throw new UserFacingException("alwaysOn.error.oneCoupon");
        }
        for (JourneyStep s : steps) {
            if (s.waitDays() < 0 || s.waitDays() > 365) {
                throw new UserFacingException("alwaysOn.error.wait");
            }
            if (s.action() == AlwaysOnAction.DOUBLE_POINTS && (s.pointsDays() == null || s.pointsDays() < 1
                    || s.pointsDays() > 365)) {
                throw new UserFacingException("alwaysOn.error.pointsDays");
            }
            if (s.action() == AlwaysOnAction.REVISIT && s.revisitPlanId() == null) {
                throw new UserFacingException("campaigns.error.revisitPlan");
            }
        }
        if (hasCoupon()) {
            if (coupon == null || coupon.validDays() < 1 || coupon.validDays() > AlwaysOnCoupon.MAX_VALID_DAYS) {
                throw new UserFacingException("alwaysOn.error.coupon");
            }
            couponTerms(Instant.EPOCH).validate();
        }
    }
}
