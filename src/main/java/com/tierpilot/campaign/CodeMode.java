package com.tierpilot.campaign;

/** Whether every target member gets a code of their own, or all share one. */
public enum CodeMode {
    UNIQUE,
    SHARED;

    public String messageKey() {
        return "campaigns.codeMode." + name();
    }
}
