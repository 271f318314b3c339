package com.tierpilot.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A recompute whose node died is marked failed by the living nodes (through their heartbeats), and one that a
 * node left running before a restart by that node at start-up; never on a read. The clock is moved by hand.
 */
@IntegrationTest
class DeadNodeRunsTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    SegmentationRunRepository runs;
    @Autowired
    DeadNodeRuns watch;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    MutableClock clock;

    TestTenant shop;

    @BeforeEach
    void aShop() {
        shop = tenants.signUp("Dead Node Co").signInAsOwner();
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void aRunOfANodeThatStoppedBeatingIsMarkedFailedByALivingNodeAndFreesTheTenant() {
        String dead = "node-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        runs.beat(dead, now, now);
        long run = openRun(dead, now);

        watch.beat();
        assertThat(segmentation.run(shop.id(), run).state()).as("its node still beats").isEqualTo(RunStatus.State.RUNNING);

        clock.advance(Duration.ofSeconds(30));
        runs.beat(dead, now, clock.instant()); // still alive after 30 s
        clock.advance(Duration.ofSeconds(44));
        watch.beat();
        assertThat(segmentation.run(shop.id(), run).state()).as("44 s of silence").isEqualTo(RunStatus.State.RUNNING);
        assertThat(segmentation.runs(shop.id(), 0, 10)).as("reading the runs changes nothing")
                .filteredOn(r -> r.id() == run).singleElement().extracting(RunStatus::state)
                .isEqualTo(RunStatus.State.RUNNING);

        clock.advance(Duration.ofSeconds(2));
        watch.beat();

        RunStatus failed = segmentation.run(shop.id(), run);
        assertThat(failed.state()).isEqualTo(RunStatus.State.FAILED);
        assertThat(failed.nodeStopped()).isTrue();
        assertThat(failed.node()).isEqualTo(dead);
        assertThat(failed.finishedAt()).as("when the silence was noticed").isAfter(now.plusSeconds(75));
        assertThat(jdbc.sql("select running_run_id from segmentation_state where tenant_id = ?")
                .param(shop.id().value()).query(Long.class).optional()).as("the tenant's recompute slot is free")
                .isEmpty();
    }

    @Test
    void theLivingNodesOwnRunsAreLeftRunningHoweverTheClockMoves() {
        long run = openRun(watch.node(), clock.instant());

        clock.advance(Duration.ofMinutes(10));
        watch.beat();

        assertThat(segmentation.run(shop.id(), run).state()).isEqualTo(RunStatus.State.RUNNING);
        runs.fail(shop.id(), run, "test over", clock.instant());
    }

    @Test
    void atStartUpANodeMarksFailedTheRunsItLeftRunningBeforeItsRestart() {
        long before = openRun(watch.node(), Instant.now().minus(Duration.ofHours(1)));
        runs.fail(shop.id(), before, "placeholder", clock.instant()); // free the slot for the second run
        resetToRunning(before);
        long mine = openRun(watch.node(), clock.instant().plusSeconds(1));

        assertThat(watch.afterRestart()).isPositive();

        RunStatus left = segmentation.run(shop.id(), before);
        assertThat(left.state()).isEqualTo(RunStatus.State.FAILED);
        assertThat(left.nodeStopped()).isTrue();
        assertThat(segmentation.run(shop.id(), mine).state()).as("started by this process")
                .isEqualTo(RunStatus.State.RUNNING);
        runs.fail(shop.id(), mine, "test over", clock.instant());
    }

    private long openRun(String node, Instant startedAt) {
        long run = runs.create(shop.id(), LocalDate.now(), RunTrigger.SCHEDULE, node, 1, startedAt);
        assertThat(runs.takeSlot(shop.id(), run, startedAt, startedAt.minusSeconds(30))).isTrue();
        return run;
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void resetToRunning(long run) {
        jdbc.sql("update segmentation_run set status = 'RUNNING', finished_at = null, error = null where id = ?")
                .param(run).update();
    }
}
