package com.tierpilot.prediction.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes the sample customers' predictions, and the model when it was fitted with the sample loaded. */
@Component
class SamplePredictionsRemoval {

    private final JdbcClient jdbc;

    SamplePredictionsRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant(), removal.loadedAt());
    }

    private void remove(TenantId tenant, Instant loadedAt) {
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS, "customer_prediction");
        jdbc.sql("delete from prediction_model where tenant_id = ? and computed_at >= ?")
                .params(tenant.value(), Timestamp.from(loadedAt)).update();
    }
}
