package com.tierpilot.scheduling.persistence;

import com.tierpilot.base.StoredText;
import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.RunTrigger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Pipeline runs: their trigger, attempt, node, the recompute they opened, and each step's outcome. */
@Repository
public class NightlyRunRepository {

    /** The length of {@code nightly_run.steps}. */
    static final int STEPS_LENGTH = 8000;

    private final JdbcClient jdbc;

    NightlyRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long start(TenantId tenant, RunTrigger trigger, int attempt, String node, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into nightly_run (tenant_id, trigger_source, attempt, node, started_at, status)
                values (:tenant, :trigger, :attempt, :node, :now, 'RUNNING')""")
                .param("tenant", tenant.value()).param("trigger", trigger.name()).param("attempt", attempt)
                .param("node", node).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Marks the tenant's pipeline runs that never finished as failed: called by a run that holds the tenant's
     * recompute slot, so any other unfinished one belonged to a node that died.
     */
    public int failUnfinished(TenantId tenant, Instant now) {
        return jdbc.sql("""
                update nightly_run set status = 'FAILED', finished_at = ?,
                       error = 'The node running it stopped; another node ran the tenant again'
                 where tenant_id = ? and status = 'RUNNING'""").params(Timestamp.from(now), tenant.value()).update();
    }

    public void link(TenantId tenant, long nightlyRun, long segmentationRun) {
        jdbc.sql("update nightly_run set segmentation_run_id = ? where tenant_id = ? and id = ?")
                .params(segmentationRun, tenant.value(), nightlyRun).update();
    }

    public void finish(TenantId tenant, long nightlyRun, boolean succeeded, String steps, @Nullable String error,
            Instant now) {
        jdbc.sql("""
                update nightly_run set status = ?, steps = ?, error = ?, finished_at = ?
                 where tenant_id = ? and id = ?""")
                .params(succeeded ? "SUCCEEDED" : "FAILED", steps(steps), error == null ? null : StoredText.clip(error),
                        Timestamp.from(now), tenant.value(), nightlyRun).update();
    }

    /** The steps of the given recompute runs, by recompute run id (of a resumed run: its last pipeline run). */
    public Map<Long, String> stepsOf(TenantId tenant, List<Long> segmentationRuns) {
        if (segmentationRuns.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select segmentation_run_id, steps from nightly_run
                 where tenant_id = :tenant and segmentation_run_id in (:runs) and steps is not null
                 order by id""")
                .param("tenant", tenant.value()).param("runs", segmentationRuns)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
    }

    /**
     * The steps' outcomes as stored: JSON that the runs screen parses, so never cut in the middle (a cut one reads as
     * no steps at all). The column holds 8,000 characters (V62), room for far more steps than the pipeline has.
     */
    private static String steps(String json) {
        if (json.length() > STEPS_LENGTH) {
            throw new IllegalStateException("The steps' outcomes take " + json.length() + " characters, more than "
                    + STEPS_LENGTH);
        }
        return json;
    }
}
