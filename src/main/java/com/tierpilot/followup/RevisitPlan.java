package com.tierpilot.followup;

import org.jspecify.annotations.Nullable;

/**
 * A revisit plan. {@code scheme}/{@code segment} name a segment of the current run (ABC "A", say); a greeting may
 * leave them empty for every customer. {@code cadence} (and {@code everyDays}) is for {@link PlanKind#CADENCE},
 * {@code holidayMonth}/{@code holidayDay} for {@link PlanKind#HOLIDAY}. Priority 1 is the highest.
 */
public record RevisitPlan(long id, String name, PlanKind kind, @Nullable String scheme, @Nullable String segment,
        @Nullable Cadence cadence, @Nullable Integer everyDays, @Nullable Integer holidayMonth,
        @Nullable Integer holidayDay, ContactChannel channel, @Nullable String script, int priority, boolean active,
        int version) {

    public RevisitPlanDraft draft() {
        return new RevisitPlanDraft(name, kind, scheme, segment, cadence, everyDays, holidayMonth, holidayDay, channel,
                script, priority, active);
    }
}
