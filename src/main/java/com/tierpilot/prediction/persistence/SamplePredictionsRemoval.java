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

/**
 * Removes the sample customers' predictions, the model when it was fitted with the sample loaded, and the P(alive)
 * moves recorded after the recomputes that scored the sample (by their run ids).
 */
@Component
class SamplePredictionsRemoval {

    private final JdbcClient jdbc;

    SamplePredictionsRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant(), removal.loadedAt(), removal.firstRunId());
    }

    private void remove(TenantId tenant, Instant loadedAt, long firstRunId) {
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS, "customer_prediction");
        SampleRows.deleteOfRunsFrom(jdbc, tenant, firstRunId, "run_id", "palive_move");
        jdbc.sql("delete from prediction_model where tenant_id = ? and computed_at >= ?")
                .params(tenant.value(), Timestamp.from(loadedAt)).update();
    }
}
