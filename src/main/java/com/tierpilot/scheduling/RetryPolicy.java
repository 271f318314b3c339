package com.tierpilot.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed nightly run is tried again: 1, 5 and 15 minutes after the first, second and third failure. The fourth
 * failure is final, and the owner is alerted.
 */
final class RetryPolicy {

    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

    private RetryPolicy() {
    }

    /** The time of the next attempt after attempt {@code failedAttempt} (1 = the scheduled one) failed at {@code now}. */
    static Optional<Instant> nextAttempt(int failedAttempt, Instant now) {
        if (failedAttempt < 1 || failedAttempt > BACKOFF.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(BACKOFF.get(failedAttempt - 1)));
    }

    static boolean isFinal(int failedAttempt) {
        return failedAttempt > BACKOFF.size();
    }
}
