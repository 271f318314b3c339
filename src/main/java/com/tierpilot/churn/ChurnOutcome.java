package com.tierpilot.churn;

/** How a churn case ended. */
public enum ChurnOutcome {
    WON_BACK, LOST;

    public String messageKey() {
        return "churn.outcome." + name();
    }

    /** Why a customer was lost: reported to the owner, per manager and over time. */
    public enum Reason {
        PRICE, SERVICE, PRODUCT, COMPETITOR, MOVED_OR_CLOSED, NO_NEED, UNREACHABLE, OTHER;

        public String messageKey() {
            return "churn.reason." + name();
        }
    }
}
