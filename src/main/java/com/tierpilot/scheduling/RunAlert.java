package com.tierpilot.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Something the owner must know about the nightly runs: a run that failed for good (the detail keeps its technical
 * error, which is logged and never shown), or a very slow one (the detail holds its seconds and the usual seconds,
 * which each language words its own way).
 */
public record RunAlert(long id, Kind kind, @Nullable String detail, Instant createdAt) {

    private static final Pattern SLOW_DETAIL = Pattern.compile("(\\d+) (\\d+)");

    public enum Kind {
        FAILED,
        SLOW
    }

    public String messageKey() {
        return "runs.alert." + kind.name();
    }

    /**
     * The arguments of {@link #messageKey()}: none for a failed run (its raw error is for the server log, not for the
     * owner: issue 17, item 5), a slow run's seconds and the usual seconds.
     */
    public Object[] arguments() {
        return arguments(kind, detail).toArray();
    }

    static List<Object> arguments(Kind kind, @Nullable String detail) {
        if (kind == Kind.SLOW && detail != null) {
            Matcher seconds = SLOW_DETAIL.matcher(detail);
            if (seconds.matches()) {
                return List.of(Long.parseLong(seconds.group(1)), Long.parseLong(seconds.group(2)));
            }
        }
        return List.of();
    }

    /** The stored detail of a slow run. */
    static String slowDetail(Duration took, Duration usual) {
        return took.toSeconds() + " " + usual.toSeconds();
    }
}
