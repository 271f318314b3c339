package com.tierpilot.followup;

/**
 * What sets a revisit plan's dates: a cadence within a segment, a yearly greeting (birthday, holiday), or a manager
 * by hand (the churn list's follow-ups: never generated at night).
 */
public enum PlanKind {
    CADENCE, BIRTHDAY, HOLIDAY, MANUAL;

    public String messageKey() {
        return "revisit.kind." + name();
    }
}
