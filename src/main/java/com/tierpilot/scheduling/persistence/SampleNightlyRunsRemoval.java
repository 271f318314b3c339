package com.tierpilot.scheduling.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes the nightly runs (and their alerts) whose recompute scored the sample. */
@Component
public class SampleNightlyRunsRemoval {

    private final JdbcClient jdbc;

    SampleNightlyRunsRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void remove(SampleDataRemoval removal) {
        remove(removal.tenant(), removal.firstRunId());
    }

    private void remove(TenantId tenant, long firstRunId) {
        jdbc.sql("delete from nightly_alert where tenant_id = ? and nightly_run_id in"
                + " (select id from nightly_run where tenant_id = ? and segmentation_run_id >= ?)")
                .params(tenant.value(), tenant.value(), firstRunId).update();
        SampleRows.deleteOfRunsFrom(jdbc, tenant, firstRunId, "segmentation_run_id", "nightly_run");
    }
}
