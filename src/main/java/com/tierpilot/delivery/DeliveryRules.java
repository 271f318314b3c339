package com.tierpilot.delivery;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A company's rules for marketing messages, in its time zone: no message between {@code quietStart} and
 * {@code quietEnd} (over midnight when the start is later; none when they are equal), at most {@code weeklyCap}
 * marketing messages per customer in any rolling 7 days across all campaigns, the price of one SMS part for the cost
 * estimate, the SMS provider campaigns use, and the unsubscribe phrase every SMS ends with.
 *
 * @param version the version read (-1: never saved), for saving without overwriting someone else's change
 */
public record DeliveryRules(LocalTime quietStart, LocalTime quietEnd, int weeklyCap, BigDecimal smsPricePerPart,
        @Nullable Provider smsProvider, String unsubscribeText, int version) {

    public static final int MAX_WEEKLY_CAP = 50;
    public static final int MAX_UNSUBSCRIBE_TEXT = 20;
    public static final DeliveryRules DEFAULTS = new DeliveryRules(LocalTime.of(21, 0), LocalTime.of(9, 0), 2,
            new BigDecimal("0.0450"), null, "回T退订", -1);

    /** Whether a local time of day lies in the quiet hours. */
    public boolean isQuiet(LocalTime time) {
        if (quietStart.equals(quietEnd)) {
            return false;
        }
        return quietStart.isBefore(quietEnd) ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd);
    }
}
