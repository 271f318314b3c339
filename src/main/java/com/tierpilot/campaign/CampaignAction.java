package com.tierpilot.campaign;

/**
 * What a campaign does for its target members: a coupon; double loyalty points on their purchases while the campaign
 * runs (booked by the loyalty module's nightly run, see {@link PointsCampaignService}); a revisit task for each member's
 * account manager, with a revisit plan's channel and script (made by the revisit module, see
 * {@link CampaignTasks}).
 */
public enum CampaignAction {
    COUPON,
    LOYALTY_REWARD,
    REVISIT_PLAN;

    public String messageKey() {
        return "campaigns.action." + name();
    }
}
