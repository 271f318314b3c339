package com.tierpilot.segmentation;

/** What started a recompute. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    API;

    public String messageKey() {
        return "segmentation.trigger." + name();
    }
}
