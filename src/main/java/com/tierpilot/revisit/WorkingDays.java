package com.tierpilot.revisit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Monday to Friday, counted as one sequence: working day number {@code n} since a fixed Monday. A weekend day counts
 * as the Monday after it. Public holidays are not known here; they are working days.
 */
final class WorkingDays {

    /** A Monday. */
    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    private WorkingDays() {
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day itself on a working day, else the Monday after it. */
    static LocalDate onOrAfter(LocalDate day) {
        return at(index(day));
    }

    /** The working day's number (a weekend day: the next Monday's). */
    static long index(LocalDate day) {
        long days = ChronoUnit.DAYS.between(EPOCH, day);
        return Math.floorDiv(days, 7) * 5 + Math.min(5, Math.floorMod(days, 7));
    }

    static LocalDate at(long index) {
        return EPOCH.plusWeeks(Math.floorDiv(index, 5)).plusDays(Math.floorMod(index, 5));
    }

    /** The working days of one period of the cadence (at least one): five a week. */
    static int period(Cadence cadence, int everyDays) {
        int days = switch (cadence) {
            case EVERY_N_DAYS -> everyDays;
            case WEEKLY -> 7;
            case HALF_MONTHLY -> 15;
            case MONTHLY -> 30;
            case QUARTERLY -> 91;
        };
        return Math.max(1, (int) Math.round(days * 5 / 7.0));
    }

    /**
     * The first contact of a customer never contacted under the plan: on the customer's own working day of the
     * cadence's period (from a hash of plan and customer), the first such day on or after {@code today}. The
     * customers of a new plan, or newly in its segment, thus spread evenly over one period instead of all falling
     * due today, and a customer's day stays the same from one night to the next.
     */
    static LocalDate firstContact(long planId, long customerId, Cadence cadence, int everyDays, LocalDate today) {
        int period = period(cadence, everyDays);
        long slot = Math.floorMod(mix(planId * 31 + customerId), period);
        long from = index(today);
        return at(from + Math.floorMod(slot - from, period));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
