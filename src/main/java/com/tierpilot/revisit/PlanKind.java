package com.tierpilot.revisit;

/**
 * What sets a revisit plan's dates: a cadence within a segment, a yearly greeting (birthday, holiday), a manager
 * by hand (the churn list's follow-ups: never generated at night), or a campaign (its revisit-plan action: one plan
 * per campaign, tasks made when the campaign launches or enrols, never generated at night, not listed with the
 * company's plans).
 */
public enum PlanKind {
    CADENCE, BIRTHDAY, HOLIDAY, MANUAL, CAMPAIGN;

    public String messageKey() {
        return "revisit.kind." + name();
    }
}
