package com.tierpilot.importing;

/** Why a row was not imported. */
public enum RejectReason {
    MISSING_VALUE,
    VALUE_TOO_LONG,
    BAD_DATE,
    BAD_NUMBER,
    BAD_QUANTITY,
    BAD_STATUS,
    BAD_GENDER,
    BAD_EMAIL,
    BAD_YES_NO,
    /** A stage, need or customer type that is none of the known words. */
    BAD_SALES_VALUE,
    UNKNOWN_ACCOUNT_MANAGER,
    DUPLICATE_IN_FILE,
    CONFLICTING_CUSTOMER;

    public String messageKey() {
        return "import.reason." + name();
    }
}
