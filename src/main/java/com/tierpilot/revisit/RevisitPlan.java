package com.tierpilot.revisit;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A revisit plan. {@code scheme}/{@code segment} name a segment of the current run (ABC "A", say); a greeting may
 * leave them empty for every customer. {@code cadence} (and {@code everyDays}) is for {@link PlanKind#CADENCE},
 * {@code holidayMonth}/{@code holidayDay} for {@link PlanKind#HOLIDAY}. Priority 1 is the highest. {@code preset}
 * names the preset the plan was made by (see {@link RevisitPlanService#PRESETS}); its name and script are message keys
 * until someone renames it, shown in each viewer's language.
 */
public record RevisitPlan(long id, String name, PlanKind kind, @Nullable String scheme, @Nullable String segment,
        @Nullable Cadence cadence, @Nullable Integer everyDays, @Nullable Integer holidayMonth,
        @Nullable Integer holidayDay, ContactChannel channel, @Nullable String script, int priority, boolean active,
        int version, @Nullable String preset) {

    /** Stored text of a preset: a message key. */
    static final String KEY_PREFIX = "revisit.preset.";

    /** The name in the viewer's language (a preset's) or as written. */
    public String displayName(Function<String, String> translate) {
        return text(name, translate);
    }

    /** Stored plan text as the viewer reads it: a preset's key translated, anything else as it is. */
    public static String text(String stored, Function<String, String> translate) {
        return isKey(stored) ? translate.apply(stored) : stored;
    }

    /** Whether stored plan text is a preset's message key. */
    static boolean isKey(String stored) {
        return stored.startsWith(KEY_PREFIX) && stored.indexOf(' ') < 0;
    }

    public RevisitPlanDraft draft() {
        return new RevisitPlanDraft(name, kind, scheme, segment, cadence, everyDays, holidayMonth, holidayDay, channel,
                script, priority, active);
    }
}
