package com.tierpilot.campaign;

/** Where a campaign is in its life: draft → scheduled → active → completed, or cancelled on the way. */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    ACTIVE,
    COMPLETED,
    CANCELLED;

    public String messageKey() {
        return "campaigns.status." + name();
    }
}
