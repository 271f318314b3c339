package com.tierpilot.revisit;

import java.time.LocalDate;

/** How often a customer under a plan is contacted, counted from the last contact. */
public enum Cadence {
    EVERY_N_DAYS, WEEKLY, HALF_MONTHLY, MONTHLY, QUARTERLY;

    /** The next contact after one on {@code last}; {@code everyDays} is for {@link #EVERY_N_DAYS}. */
    public LocalDate after(LocalDate last, int everyDays) {
        return switch (this) {
            case EVERY_N_DAYS -> last.plusDays(everyDays);
            case WEEKLY -> last.plusWeeks(1);
            case HALF_MONTHLY -> last.plusDays(15);
            case MONTHLY -> last.plusMonths(1);
            case QUARTERLY -> last.plusMonths(3);
        };
    }

    public String messageKey() {
        return "revisit.cadence." + name();
    }
}
