package com.tierpilot.importing;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An import as the user sees it: running with its progress, or finished with its counts. Rejected rows are counted
 * by reason.
 */
public record ImportRunStatus(long id, long userId, String fileName, long fileSize, ImportKind kind, State state,
        Phase phase, Instant startedAt, @Nullable Instant finishedAt, int rowsRead, int rowsRejected,
        int customersCreated, int customersUpdated, int ordersCreated, int ordersUpdated, int progressPermille,
        Map<RejectReason, Integer> rejectionsByReason, @Nullable String errorKey, @Nullable String errorDetail) {

    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public enum Phase {
        QUEUED,
        READING,
        MERGING,
        DONE
    }

    public boolean finished() {
        return state != State.RUNNING;
    }
}
