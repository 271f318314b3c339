package com.tierpilot.churn.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes the sample customers' contacts and churn outcomes. */
@Component
class SampleChurnRemoval {

    private final JdbcClient jdbc;

    SampleChurnRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant());
    }

    private void remove(TenantId tenant) {
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS,
                "customer_contact", "churn_outcome");
    }
}
