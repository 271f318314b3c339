package com.tierpilot.followup;

/** What sets a revisit plan's dates: a cadence within a segment, or a yearly greeting (birthday, holiday). */
public enum PlanKind {
    CADENCE, BIRTHDAY, HOLIDAY;

    public String messageKey() {
        return "revisit.kind." + name();
    }
}
