package com.tierpilot.scheduling;

import java.time.Duration;
import java.util.List;

/**
 * Whether a run was much slower than usual: longer than a minute and more than three times the median of the
 * tenant's recent successful runs (at least three of them, so that a first run alerts nobody).
 */
final class SlowRuns {

    static final Duration MINIMUM = Duration.ofSeconds(60);
    static final int FACTOR = 3;
    static final int MIN_HISTORY = 3;

    private SlowRuns() {
    }

    static boolean isSlow(Duration run, List<Duration> recent) {
        if (recent.size() < MIN_HISTORY || run.compareTo(MINIMUM) <= 0) {
            return false;
        }
        return run.compareTo(median(recent).multipliedBy(FACTOR)) > 0;
    }

    static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}
