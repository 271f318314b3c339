package com.tierpilot.segmentation;

/** What started a recompute. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    API,
    /** An intraday run (issue 21): the customers whose orders came through the API, with frozen cut points. */
    INTRADAY;

    public String messageKey() {
        return "segmentation.trigger." + name();
    }
}
