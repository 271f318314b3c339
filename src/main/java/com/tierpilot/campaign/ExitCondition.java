package com.tierpilot.campaign;

/**
 * What ends an entrant's journey before its steps are through: a purchase, leaving the segment that enrolled the
 * customer (or P(alive) back over the threshold, or back in the tier), or redeeming the campaign's coupon.
 */
public enum ExitCondition {
    BOUGHT, LEFT_SEGMENT, REDEEMED;

    public String messageKey() {
        return "alwaysOn.exit." + name();
    }
}
