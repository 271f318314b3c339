package com.tierpilot.importing;

import com.tierpilot.base.ProgressListeners;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** The progress of running imports, for the screens watching them. */
@Component
class ImportProgress {

    private final ProgressListeners<ImportRunStatus> listeners = new ProgressListeners<>();

    Runnable subscribe(long runId, Consumer<ImportRunStatus> listener) {
        return listeners.subscribe(runId, listener);
    }

    void publish(ImportRunStatus status) {
        listeners.publish(status.id(), status, status.finished());
    }
}
