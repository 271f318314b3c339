package com.tierpilot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryAndAlertRulesTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void aFailedRunIsRetriedAfterOneFiveAndFifteenMinutesAndThenGivenUp() {
        Instant first = clock.instant();
        assertThat(RetryPolicy.nextAttempt(1, first)).contains(first.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        Instant second = clock.instant();
        assertThat(RetryPolicy.nextAttempt(2, second)).contains(second.plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        Instant third = clock.instant();
        assertThat(RetryPolicy.nextAttempt(3, third)).contains(third.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(RetryPolicy.nextAttempt(4, clock.instant())).isEmpty();
        assertThat(RetryPolicy.isFinal(4)).isTrue();
        assertThat(RetryPolicy.isFinal(3)).isFalse();
    }

    @Test
    void aRunIsSlowOnlyWhenLongerThanAMinuteAndThreeTimesTheMedian() {
        List<Duration> usual = List.of(seconds(20), seconds(25), seconds(30), seconds(400));
        assertThat(SlowRuns.median(usual)).isEqualTo(Duration.ofMillis(27_500));

        assertThat(SlowRuns.isSlow(seconds(83), usual)).as("more than 3 × 27.5 s and over a minute").isTrue();
        assertThat(SlowRuns.isSlow(seconds(82), usual)).as("not 3 × the median").isFalse();
        assertThat(SlowRuns.isSlow(seconds(59), List.of(seconds(1), seconds(1), seconds(1))))
                .as("under a minute, however fast the usual run").isFalse();
        assertThat(SlowRuns.isSlow(seconds(600), List.of(seconds(1), seconds(1))))
                .as("too little history to judge").isFalse();
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
