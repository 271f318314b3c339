package com.tierpilot.campaign.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes the sample customers' coupon redemptions, uses and codes, their always-on campaign entries, and their
 * campaign memberships (the campaigns count them no more).
 */
@Component
class SampleCampaignRemoval {

    private final JdbcClient jdbc;

    SampleCampaignRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant());
    }

    private void remove(TenantId tenant) {
        long t = tenant.value();
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS,
                "coupon_redemption", "coupon_customer_use", "coupon_code",
                "always_on_step_done", "always_on_watch", "always_on_entry");
        // A campaign's member counts go down by the sample members it loses.
        for (boolean control : new boolean[] {false, true}) {
            String column = control ? "control_members" : "target_members";
            jdbc.sql("update campaign set " + column + " = " + column + " - (select count(*) from campaign_member m"
                    + " where m.tenant_id = campaign.tenant_id and m.campaign_id = campaign.id and m.control = ?"
                    + " and m.customer_id in " + SampleCustomers.IDS + ") where tenant_id = ?")
                    .params(control, t, t).update();
        }
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS, "campaign_member");
    }
}
