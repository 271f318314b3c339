package com.tierpilot.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run keeps its company's recompute slot for as long as it works, however long one of its steps takes (an intraday
 * run's copy at a million customers took 16-21 s of the 30 s stale limit), and no longer. The clock is moved by hand;
 * the heartbeat ticks every 50 ms of real time.
 */
@IntegrationTest
class RunHeartbeatsTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    SegmentationRunRepository runs;
    @Autowired
    DeadNodeRuns thisNode;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    /** Ticks every 50 ms of real time; a run beats for at most an hour of the test's clock. */
    RunHeartbeats heartbeats;

    @BeforeEach
    void startHeartbeats() {
        heartbeats = new RunHeartbeats(runs, clock, Duration.ofMillis(50), Duration.ofHours(1));
    }

    @AfterEach
    void reset() {
        heartbeats.destroy();
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void aRunInALongStepKeepsItsSlotWhileItBeatsAndAnotherRunGetsTheSlotOnceItStoppedBeating() {
        TestTenant shop = tenants.signUp("Long Step Co").signInAsOwner();
        long working = open(shop, RunTrigger.INTRADAY);
        RunHeartbeats.Beating beating = heartbeats.start(shop.id(), working);

        clock.advance(Duration.ofSeconds(45)); // one step of the run, longer than the stale limit
        Instant stepEnds = clock.instant();
        awaitBeat(shop, working, stepEnds);
        long rival = runs.create(shop.id(), LocalDate.now(), RunTrigger.SCHEDULE, thisNode.node(), 1, stepEnds);
        assertThat(runs.takeSlot(shop.id(), rival, stepEnds, stepEnds.minus(SegmentationService.STALE_AFTER)))
                .as("the working run still holds the slot after 45 s").isFalse();

        beating.close();
        Instant lastBeat = heartbeat(shop, working);
        clock.advance(Duration.ofSeconds(31));
        Instant later = clock.instant();
        assertThat(heartbeat(shop, working)).as("no beat once closed").isEqualTo(lastBeat);
        assertThat(runs.takeSlot(shop.id(), rival, later, later.minus(SegmentationService.STALE_AFTER)))
                .as("31 s after its last beat the run is stale").isTrue();
        runs.fail(shop.id(), working, "test over", later);
        runs.fail(shop.id(), rival, "test over", later);
    }

    @Test
    void aRunStillWorkingAfterTheLongestARunMayTakeStopsBeatingAndLosesItsSlot() {
        TestTenant shop = tenants.signUp("Hung Run Co").signInAsOwner();
        long hung = open(shop, RunTrigger.SCHEDULE);
        RunHeartbeats.Beating beating = heartbeats.start(shop.id(), hung);
        clock.advance(Duration.ofMinutes(59));
        awaitBeat(shop, hung, clock.instant());

        Instant cap = clock.instant().plus(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2)); // past the hour: the run's thread is taken to be stuck
        // The clock runs on in real time, so a tick under way at the move may still write its beat; then none.
        AtomicReference<Instant> seen = new AtomicReference<>();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> {
                    Instant beat = heartbeat(shop, hung);
                    return beat.equals(seen.getAndSet(beat));
                });
        assertThat(seen.get()).as("no beat past the hour").isBefore(cap);
        clock.advance(Duration.ofSeconds(31));
        Instant now = clock.instant();
        long next = runs.create(shop.id(), LocalDate.now(), RunTrigger.MANUAL, thisNode.node(), 1, now);
        assertThat(runs.takeSlot(shop.id(), next, now, now.minus(SegmentationService.STALE_AFTER)))
                .as("the company's next run takes the hung run's slot").isTrue();
        beating.close();
        runs.fail(shop.id(), hung, "test over", now);
        runs.fail(shop.id(), next, "test over", now);
    }

    @Test
    void aRunThatWaitedForTheSlotHoldsItWithAFreshHeartbeat() {
        TestTenant shop = tenants.signUp("Waited Co").signInAsOwner();
        long waited = runs.create(shop.id(), LocalDate.now(), RunTrigger.SCHEDULE, thisNode.node(), 1,
                clock.instant());
        clock.advance(Duration.ofSeconds(40)); // behind an intraday run of the company
        Instant taken = clock.instant();
        assertThat(runs.takeSlot(shop.id(), waited, taken, taken.minus(SegmentationService.STALE_AFTER))).isTrue();

        clock.advance(Duration.ofSeconds(5));
        Instant now = clock.instant();
        long rival = runs.create(shop.id(), LocalDate.now(), RunTrigger.MANUAL, thisNode.node(), 1, now);
        assertThat(runs.takeSlot(shop.id(), rival, now, now.minus(SegmentationService.STALE_AFTER)))
                .as("5 s after it took the slot, 45 s after it was created").isFalse();
        runs.fail(shop.id(), waited, "test over", now);
        runs.fail(shop.id(), rival, "test over", now);
    }

    @Test
    void aFinishedRunIsNotMadeToBeatAgain() {
        TestTenant shop = tenants.signUp("Finished Run Co").signInAsOwner();
        long run = open(shop, RunTrigger.MANUAL);
        Instant failedAt = clock.instant();
        runs.fail(shop.id(), run, "test over", failedAt);
        Instant before = heartbeat(shop, run);

        clock.advance(Duration.ofMinutes(1));
        runs.beat(shop.id(), run, clock.instant());

        assertThat(heartbeat(shop, run)).isEqualTo(before);
    }

    private long open(TestTenant shop, RunTrigger trigger) {
        Instant now = clock.instant();
        long run = runs.create(shop.id(), LocalDate.now(), trigger, thisNode.node(), 1, now);
        assertThat(runs.takeSlot(shop.id(), run, now, now.minus(SegmentationService.STALE_AFTER))).isTrue();
        return run;
    }

    /** Waits until the run's heartbeat has been written at {@code at} or later. */
    private void awaitBeat(TestTenant shop, long run, Instant at) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !heartbeat(shop, run).isBefore(at));
    }

    private Instant heartbeat(TestTenant shop, long run) {
        return jdbc.sql("select heartbeat_at from segmentation_run where tenant_id = ? and id = ?")
                .params(shop.id().value(), run).query(Timestamp.class).single().toInstant();
    }
}
