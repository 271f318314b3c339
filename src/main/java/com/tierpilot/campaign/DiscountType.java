package com.tierpilot.campaign;

/** How a coupon takes money off an order. */
public enum DiscountType {
    /** A percentage of the order amount. */
    PERCENT,
    /** A fixed amount, at most the order amount. */
    FIXED,
    /** Spend X, save Y (满减): Y off once the order reaches X. */
    SPEND_SAVE;

    public String messageKey() {
        return "campaigns.discount." + name();
    }
}
