package com.tierpilot.analytics.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes the dashboard read models of the recomputes that scored the sample. */
@Component
public class SampleReadModelsRemoval {

    private final JdbcClient jdbc;

    SampleReadModelsRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void remove(SampleDataRemoval removal) {
        remove(removal.tenant(), removal.firstRunId());
    }

    private void remove(TenantId tenant, long firstRunId) {
        SampleRows.deleteOfRunsFrom(jdbc, tenant, firstRunId, "run_id", "dashboard_pareto", "dashboard_rf_cell",
                "dashboard_migration", "dashboard_run");
    }
}
