package com.tierpilot.loyalty;

/** Why points were added or taken. */
public enum PointsReason {
    ORDER, BIRTHDAY, CAMPAIGN, MANUAL, REWARD, REFUND, EXPIRY, ADJUSTMENT;

    public String messageKey() {
        return "loyalty.reason." + name();
    }
}
