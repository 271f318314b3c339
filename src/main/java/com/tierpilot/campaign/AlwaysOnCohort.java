package com.tierpilot.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entrants of one week (from Monday {@code week}) of an always-on campaign, target against control: conversion
 * and revenue per member within the window of days after each entry, the lift with its 95% interval (see
 * {@link Lift}), what the coupons cost (discounts redeemed) and the bonus points given, and the versions the
 * entrants went through. {@code complete}: every entrant's window is over.
 */
public record AlwaysOnCohort(LocalDate week, Set<Integer> versions, Group target, Group control,
        Lift.@Nullable Interval conversionLift, Lift.@Nullable Interval revenueLift, BigDecimal couponCost,
        long bonusPoints, boolean complete) {

    /** One group of a cohort: entrants, those who bought within the window, their revenue and its squares. */
    public record Group(int entrants, int buyers, BigDecimal revenue, BigDecimal revenueSquares) {

        public double conversion() {
            return entrants == 0 ? 0 : (double) buyers / entrants;
        }

        public double revenuePerMember() {
            return entrants == 0 ? 0 : revenue.doubleValue() / entrants;
        }

        Group plus(Group o) {
            return new Group(entrants + o.entrants, buyers + o.buyers, revenue.add(o.revenue),
                    revenueSquares.add(o.revenueSquares));
        }

        static final Group NONE = new Group(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
