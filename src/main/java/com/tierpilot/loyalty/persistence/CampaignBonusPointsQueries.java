package com.tierpilot.loyalty.persistence;

import com.tierpilot.campaign.CampaignPointsSql;
import org.springframework.stereotype.Repository;

/** The campaign bonus points in this module's ledger, keyed {@code campaign:<id>:<order>} by the loyalty program. */
@Repository
class CampaignBonusPointsQueries implements CampaignPointsSql {

    @Override
    public String bonusPoints(String tenantId, String customerId, String campaignId, String from, String until) {
        return "(select coalesce(sum(l.points), 0) from loyalty_entry l where l.tenant_id = " + tenantId
                + " and l.customer_id = " + customerId + " and l.reason = 'CAMPAIGN'"
                + " and l.idempotency_key like concat('campaign:', " + campaignId + ", ':%')"
                + " and l.created_at >= " + from + " and l.created_at < " + until + ")";
    }
}
