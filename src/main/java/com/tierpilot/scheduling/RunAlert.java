package com.tierpilot.scheduling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something the owner must know about the nightly runs: a run that failed for good, or a very slow one. */
public record RunAlert(long id, Kind kind, @Nullable String detail, Instant createdAt) {

    public enum Kind {
        FAILED,
        SLOW
    }

    public String messageKey() {
        return "runs.alert." + kind.name();
    }
}
