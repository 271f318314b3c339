package com.tierpilot.segmentation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A recompute run: what started it, where it ran, how far it got, and what it found. */
public record RunStatus(long id, LocalDate asOf, RunTrigger trigger, @Nullable String node, State state, Phase phase,
        int progressPermille, Instant startedAt, @Nullable Instant finishedAt, int customers, int customersScored,
        int changes, @Nullable String error) {

    /** The error of a run whose node stopped responding (killed, or restarted mid-run); the node is in {@link #node}. */
    public static final String NODE_STOPPED = "The node running this recompute stopped responding";

    /** Whether the run failed because its node stopped responding. */
    public boolean nodeStopped() {
        return NODE_STOPPED.equals(error);
    }

    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public enum Phase {
        READING,
        SCORING,
        WRITING,
        COMMITTING,
        DONE
    }

    public boolean finished() {
        return state != State.RUNNING;
    }

    public @Nullable Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
