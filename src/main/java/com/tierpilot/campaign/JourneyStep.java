package com.tierpilot.campaign;

import org.jspecify.annotations.Nullable;

/**
 * One step of an always-on campaign: its action, the days to wait after the entry (the first step) or after the step
 * before, whether it is skipped for an entrant who redeemed the campaign's coupon, and the action's setting (the
 * days of double points; the revisit plan whose channel and script a task uses).
 */
public record JourneyStep(AlwaysOnAction action, int waitDays, boolean unlessRedeemed, @Nullable Integer pointsDays,
        @Nullable Long revisitPlanId) {

    public static JourneyStep coupon(int waitDays, boolean unlessRedeemed) {
        return new JourneyStep(AlwaysOnAction.COUPON, waitDays, unlessRedeemed, null, null);
    }

    public static JourneyStep doublePoints(int waitDays, boolean unlessRedeemed, int days) {
        return new JourneyStep(AlwaysOnAction.DOUBLE_POINTS, waitDays, unlessRedeemed, days, null);
    }

    public static JourneyStep revisit(int waitDays, boolean unlessRedeemed, long planId) {
        return new JourneyStep(AlwaysOnAction.REVISIT, waitDays, unlessRedeemed, null, planId);
    }
}
