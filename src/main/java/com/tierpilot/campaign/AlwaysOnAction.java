package com.tierpilot.campaign;

/**
 * What a step of an always-on campaign does for a target entrant: a coupon code of its own (on the customer page and
 * in the codes CSV), double loyalty points for some days, or a revisit task for the account manager.
 */
public enum AlwaysOnAction {
    COUPON, DOUBLE_POINTS, REVISIT;

    public String messageKey() {
        return "alwaysOn.action." + name();
    }
}
