package com.tierpilot.sales;

/** How a follow-up was made (追踪志): a call, a visit, a message, or a note of something learnt. */
public enum FollowUpKind {
    CALL, VISIT, MESSAGE, NOTE;

    public String messageKey() {
        return "followUpLog.kind." + name();
    }
}
