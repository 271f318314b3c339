package com.tierpilot.sales;

/** What a follow-up came to. */
public enum FollowUpOutcome {
    REACHED, NO_ANSWER, INTERESTED, NOT_INTERESTED;

    public String messageKey() {
        return "followUpLog.outcome." + name();
    }
}
