package com.tierpilot.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Nights on which the run's local time does not exist. When clocks spring forward (America/New_York, second Sunday
 * of March), 02:00 is skipped, and Quartz's cron trigger silently skips that night. The schedule adds a one-off run
 * at the first valid local time after the gap (03:00 in New York) instead.
 */
final class DstGaps {

    private DstGaps() {
    }

    /** The catch-up instant of the first gap night among today and the next two local days, if one is ahead. */
    static Optional<Instant> catchUp(ZoneId zone, LocalTime runAt, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int day = 0; day <= 2; day++) {
            LocalDateTime local = today.plusDays(day).atTime(runAt);
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                Instant shifted = ZonedDateTime.of(local, zone).toInstant();
                if (shifted.isAfter(now)) {
                    return Optional.of(shifted);
                }
            }
        }
        return Optional.empty();
    }
}
