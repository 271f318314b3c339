package com.tierpilot.campaign;

/**
 * What a campaign does for its target members: a coupon; double loyalty points on their purchases while the campaign
 * runs (booked by the loyalty module's nightly run, see {@link PointsCampaigns}); a revisit plan is reserved for the
 * follow-up module.
 */
public enum CampaignAction {
    COUPON(true),
    LOYALTY_REWARD(true),
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
