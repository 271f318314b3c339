package com.tierpilot.campaign;

/**
 * Why a code was not accepted. A conflict (409) is about the code's state: used up, or the order already has
 * another coupon; anything else (422) is about the request itself.
 */
public enum RefusalReason {
    UNKNOWN_CODE(false),
    UNKNOWN_CUSTOMER(false),
    NOT_THE_CUSTOMERS_CODE(false),
    NOT_YET_VALID(false),
    EXPIRED(false),
    CAMPAIGN_NOT_ACTIVE(false),
    BELOW_MINIMUM_SPEND(false),
    CATEGORY_NOT_INCLUDED(false),
    INVALID_REQUEST(false),
    CONTROL_GROUP(false),
    CODE_USED_UP(true),
    CUSTOMER_LIMIT_REACHED(true),
    TOTAL_LIMIT_REACHED(true),
    ORDER_ALREADY_REDEEMED(true);

    private final boolean conflict;

    RefusalReason(boolean conflict) {
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }

    public String messageKey() {
        return "campaigns.refusal." + name();
    }
}
