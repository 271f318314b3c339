package com.tierpilot.delivery.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes the sample customers' campaign messages and their tracked links (the outbox names its customers through
 * a foreign key; consent and unsubscribe links go with the customers by their keys' cascade).
 */
@Component
class SampleDeliveryRemoval {

    private final JdbcClient jdbc;

    SampleDeliveryRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant());
    }

    private void remove(TenantId tenant) {
        long t = tenant.value();
        jdbc.sql("delete from tracked_link where tenant_id = ? and message_id in (select m.id from outbox_message m"
                + " where m.tenant_id = ? and m.customer_id in " + SampleCustomers.IDS + ")").params(t, t, t).update();
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS, "outbox_message");
    }
}
