package com.tierpilot.segmentation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of the segmentation criteria: when, by whom (null when the user has since been deactivated),
 * which scheme ({@code RFM}, {@code ABC}, {@code LIFECYCLE} or {@code RULE}), which rule segment for rules, and what
 * changed, setting by setting.
 */
public record SettingsChangeEntry(Instant at, @Nullable String userName, String scheme, String subject,
        Kind kind, List<Difference> differences) {

    /** Whether a rule segment was created or deleted, or criteria changed. */
    public enum Kind {
        CREATED, CHANGED, DELETED
    }

    /** One setting, by its path in the settings (e.g. {@code cuts.recency[0]}), before and after. */
    public record Difference(String path, @Nullable String before, @Nullable String after) {
    }
}
