package com.tierpilot.revisit;

/** How a revisit went. */
public enum TaskOutcome {
    REACHED, NO_ANSWER, FOLLOW_UP, LOST;

    public String messageKey() {
        return "revisit.outcome." + name();
    }
}
