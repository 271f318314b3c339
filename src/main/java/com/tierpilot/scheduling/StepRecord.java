package com.tierpilot.scheduling;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A step of a nightly run as the history keeps it: the step, whether it succeeded, how long it took, and what it did
 * as a message key with its arguments, so that each viewer reads it in their own language. Runs recorded before
 * steps were kept this way have only their {@code text}, as it was written then.
 */
public record StepRecord(String step, boolean ok, long millis, @Nullable String messageKey, List<Long> arguments,
        @Nullable String text) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The steps as stored in the run's row. */
    static String write(List<StepRecord> steps) {
        return JSON.writeValueAsString(steps);
    }

    /** The stored steps; an older run's plain text becomes one record of that text. */
    static List<StepRecord> read(String stored) {
        if (stored.startsWith("[")) {
            try {
                return JSON.readValue(stored, new TypeReference<List<StepRecord>>() { });
            } catch (JacksonException notOurs) {
                // Fall through: shown as it was stored.
            }
        }
        List<StepRecord> old = new ArrayList<>();
        old.add(new StepRecord("", true, 0, null, List.of(), stored));
        return old;
    }
}
