package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.SampleRows;
import com.tierpilot.customer.SampleCustomers;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes the recomputes that scored the sample (runs from the first one started after it was loaded) and the
 * sample customers' rows in the others; readers go back to the last earlier run that still has its results, and a
 * company that had none before the sample has no segmentation state again.
 */
@Component
class SampleRunsRemoval {

    private final JdbcClient jdbc;

    SampleRunsRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remove(SampleDataRemoval removal) {
        remove(removal.tenant(), removal.firstRunId());
    }

    private void remove(TenantId tenant, long firstRunId) {
        long t = tenant.value();
        SampleRows.deleteOfRunsFrom(jdbc, tenant, firstRunId, "run_id", "customer_segment", "rule_segment_member",
                "segment_change", "segment_size");
        SampleRows.deleteOfCustomersIn(jdbc, tenant, SampleCustomers.IDS,
                "customer_segment", "rule_segment_member", "segment_change");
        // The latest earlier run whose results are still kept (only the current and the previous run's are).
        Long current = jdbc.sql("""
                select max(r.id) from segmentation_run r
                 where r.tenant_id = ? and r.id < ? and r.status = 'SUCCEEDED'
                   and exists (select 1 from segment_size s where s.tenant_id = r.tenant_id and s.run_id = r.id)
                   and exists (select 1 from customer_segment c where c.tenant_id = r.tenant_id and c.run_id = r.id)""")
                .params(t, firstRunId).query(Long.class).optional().orElse(null);
        Long previous = current == null ? null : jdbc.sql("""
                select max(r.id) from segmentation_run r
                 where r.tenant_id = ? and r.id < ? and r.status = 'SUCCEEDED'
                   and exists (select 1 from customer_segment c where c.tenant_id = r.tenant_id and c.run_id = r.id)""")
                .params(t, current).query(Long.class).optional().orElse(null);
        jdbc.sql("""
                update segmentation_state set current_run_id = ?, previous_run_id = ?,
                       running_run_id = case when running_run_id >= ? then null else running_run_id end,
                       running_since = case when running_run_id >= ? then null else running_since end
                 where tenant_id = ?""").params(current, previous, firstRunId, firstRunId, t).update();
        jdbc.sql("delete from segmentation_run where tenant_id = ? and id >= ?").params(t, firstRunId).update();
        jdbc.sql("delete from segmentation_state where tenant_id = ? and current_run_id is null"
                + " and running_run_id is null and not exists (select 1 from segmentation_run r where r.tenant_id = ?)")
                .params(t, t).update();
    }
}
