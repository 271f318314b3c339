package com.tierpilot.loyalty.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes the sample customers' points ledger, balances, reward redemptions and loyalty tiers. */
@Component
class SampleLoyaltyRemoval {

    private final JdbcClient jdbc;

    SampleLoyaltyRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant());
    }

    private void remove(TenantId tenant) {
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS,
                "loyalty_redemption", "loyalty_entry", "loyalty_balance",
                "customer_loyalty_tier");
    }
}
