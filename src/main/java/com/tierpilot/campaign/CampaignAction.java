package com.tierpilot.campaign;

/**
 * What a campaign does for its target members. Only {@link #COUPON} is available now; the others are the hooks for
 * the loyalty and follow-up modules, which will act on a launched campaign's target members.
 */
public enum CampaignAction {
    COUPON(true),
    LOYALTY_REWARD(false),
    REVISIT_PLAN(false);

    private final boolean available;

    CampaignAction(boolean available) {
        this.available = available;
    }

    public boolean available() {
        return available;
    }

    public String messageKey() {
        return "campaigns.action." + name();
    }
}
