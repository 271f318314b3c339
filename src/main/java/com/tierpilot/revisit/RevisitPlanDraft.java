package com.tierpilot.revisit;

import org.jspecify.annotations.Nullable;

/** What the plan form edits; see {@link RevisitPlan}. */
public record RevisitPlanDraft(String name, PlanKind kind, @Nullable String scheme, @Nullable String segment,
        @Nullable Cadence cadence, @Nullable Integer everyDays, @Nullable Integer holidayMonth,
        @Nullable Integer holidayDay, ContactChannel channel, @Nullable String script, int priority, boolean active) {
}
