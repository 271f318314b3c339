package com.tierpilot.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A tenant's nightly schedule: the local time it runs at, in the tenant's zone, whether paused, and when next. */
public record ScheduleInfo(LocalTime runAt, ZoneId zone, boolean paused, @Nullable Instant nextRun) {
}
