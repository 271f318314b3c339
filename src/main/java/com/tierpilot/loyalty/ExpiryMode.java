package com.tierpilot.loyalty;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** When earned points expire: never, a rolling number of months after they were earned, or at the end of that year. */
public enum ExpiryMode {
    NONE, ROLLING, YEAR_END;

    /** The last day points earned on {@code earned} are valid; null: they do not expire. */
    public @Nullable LocalDate lastValidDay(LocalDate earned, @Nullable Integer months) {
        return switch (this) {
            case NONE -> null;
            case ROLLING -> earned.plusMonths(months == null ? 12 : months);
            case YEAR_END -> LocalDate.of(earned.getYear(), 12, 31);
        };
    }

    public String messageKey() {
        return "loyalty.expiry." + name();
    }
}
