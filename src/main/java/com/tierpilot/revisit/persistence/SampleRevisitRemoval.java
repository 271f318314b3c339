package com.tierpilot.revisit.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes the sample customers' revisit tasks. */
@Component
class SampleRevisitRemoval {

    private final JdbcClient jdbc;

    SampleRevisitRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant());
    }

    private void remove(TenantId tenant) {
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS,
                "revisit_task");
    }
}
