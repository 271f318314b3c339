package com.tierpilot.base;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the progress of long-running work (imports, recomputes) to the screens watching it, on this node. The work
 * also writes its progress to the database, so a screen opened later, or on another node, starts from there.
 */
public final class ProgressListeners<T> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListeners.class);

    private final Map<Long, List<Consumer<T>>> listeners = new ConcurrentHashMap<>();

    /** Calls the listener with every update of the work; returns the undo. */
    public Runnable subscribe(long workId, Consumer<T> listener) {
        listeners.computeIfAbsent(workId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(workId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    public void publish(long workId, T update, boolean finished) {
        for (Consumer<T> listener : listeners.getOrDefault(workId, List.of())) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                // A closed browser tab must not stop the work; its listener is dropped.
                log.debug("Dropping a progress listener that failed", e);
                listeners.getOrDefault(workId, new CopyOnWriteArrayList<>()).remove(listener);
            }
        }
        if (finished) {
            listeners.remove(workId);
        }
    }
}
