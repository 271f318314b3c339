package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.StoredText;
import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunStatus.Phase;
import com.tierpilot.segmentation.RunStatus.State;
import com.tierpilot.segmentation.RunTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Recompute runs and the per-tenant state that says which run readers see. A tenant runs one recompute at a time:
 * a run takes the tenant's slot with a conditional update, and a slot whose run stopped beating is free again.
 */
@Repository
public class SegmentationRunRepository {

    private final JdbcClient jdbc;

    SegmentationRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(TenantId tenant, LocalDate asOf, RunTrigger trigger, String node, int settingsVersion,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into segmentation_run (tenant_id, as_of, trigger_source, node, status, phase, started_at,
                                              heartbeat_at, settings_version)
                values (:tenant, :asOf, :trigger, :node, 'RUNNING', 'READING', :now, :now, :version)""")
                .param("tenant", tenant.value()).param("asOf", java.sql.Date.valueOf(asOf))
                .param("trigger", trigger.name()).param("node", node).param("now", Timestamp.from(now))
                .param("version", settingsVersion).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Takes the tenant's recompute slot for this run; false when another run holds it and still beats (it wrote a
     * heartbeat within {@code staleAfter} before now).
     */
    public boolean takeSlot(TenantId tenant, long run, Instant now, Instant staleBefore) {
        try {
            jdbc.sql("insert into segmentation_state (tenant_id) select ? from tenant where id = ?"
                    + " and not exists (select 1 from segmentation_state where tenant_id = ?)")
                    .params(tenant.value(), tenant.value(), tenant.value()).update();
        } catch (org.springframework.dao.DuplicateKeyException createdConcurrently) {
            // Another run created the tenant's state row at the same moment: the row exists, which is all we need.
            org.slf4j.LoggerFactory.getLogger(SegmentationRunRepository.class).debug("State row of tenant {} created concurrently",
                    tenant, createdConcurrently);
        }
        boolean taken = jdbc.sql("""
                update segmentation_state set running_run_id = ?, running_since = ?
                 where tenant_id = ?
                   and (running_run_id is null
                        or running_run_id not in (select id from segmentation_run
                                                   where tenant_id = ? and status = 'RUNNING' and heartbeat_at >= ?))""")
                .params(run, Timestamp.from(now), tenant.value(), tenant.value(), Timestamp.from(staleBefore))
                .update() == 1;
        if (taken) {
            // A run that waited for the slot (behind an intraday run) must not hold it with a stale heartbeat.
            beat(tenant, run, now);
        }
        return taken;
    }

    /** Whether the run holding the tenant's slot is a running intraday run (issue 21). */
    public boolean intradayHoldsSlot(TenantId tenant) {
        return jdbc.sql("""
                select count(*) from segmentation_state s
                  join segmentation_run r on r.tenant_id = s.tenant_id and r.id = s.running_run_id
                 where s.tenant_id = ? and r.status = 'RUNNING' and r.trigger_source = 'INTRADAY'""")
                .param(tenant.value()).query(Integer.class).single() > 0;
    }

    public void progress(TenantId tenant, long run, Phase phase, int permille, Instant now) {
        jdbc.sql("update segmentation_run set phase = ?, progress_permille = ?, heartbeat_at = ?"
                + " where tenant_id = ? and id = ?")
                .params(phase.name(), permille, Timestamp.from(now), tenant.value(), run).update();
    }

    /**
     * The run a new run as of {@code asOf} is compared with: of the current and the previous run (the only ones whose
     * rows are kept), the one with the latest as-of date before {@code asOf}. A second recompute on the same day
     * is thus compared with the last run of an earlier day, as the first one was, not with the first one.
     */
    public Optional<Long> baseline(TenantId tenant, LocalDate asOf) {
        return jdbc.sql("""
                select r.id from segmentation_state st
                  join segmentation_run r on r.tenant_id = st.tenant_id
                                         and (r.id = st.current_run_id or r.id = st.previous_run_id)
                 where st.tenant_id = ? and r.as_of < ?
                 order by r.as_of desc, r.id desc""").params(tenant.value(), asOf)
                .query(Long.class).list().stream().findFirst();
    }

    /**
     * The atomic commit of a run: readers switch to it; {@code baseline} (see {@link #baseline}) becomes the previous
     * run. Returns false when the run lost its slot (another node took over a stalled run) and must not publish.
     */
    public boolean publish(TenantId tenant, long run, @Nullable Long baseline, int customers, int scored, int changes,
            Instant now) {
        int switched = jdbc.sql("""
                update segmentation_state
                   set previous_run_id = ?, current_run_id = ?, running_run_id = null,
                       running_since = null
                 where tenant_id = ? and running_run_id = ?""").params(baseline, run, tenant.value(), run).update();
        if (switched == 0) {
            return false;
        }
        jdbc.sql("""
                update segmentation_run set status = 'SUCCEEDED', phase = 'DONE', progress_permille = 1000,
                       finished_at = ?, heartbeat_at = ?, customers = ?, customers_scored = ?, changes = ?
                 where tenant_id = ? and id = ?""")
                .params(Timestamp.from(now), Timestamp.from(now), customers, scored, changes, tenant.value(), run)
                .update();
        return true;
    }

    public void fail(TenantId tenant, long run, String error, Instant now) {
        jdbc.sql("""
                update segmentation_run set status = 'FAILED', phase = 'DONE', finished_at = ?, heartbeat_at = ?,
                       error = ?
                 where tenant_id = ? and id = ?""")
                .params(Timestamp.from(now), Timestamp.from(now), StoredText.clip(error), tenant.value(), run).update();
        jdbc.sql("update segmentation_state set running_run_id = null, running_since = null"
                + " where tenant_id = ? and running_run_id = ?").params(tenant.value(), run).update();
    }

    /** The run readers see, and the one before it. */
    public Optional<Pointers> state(TenantId tenant) {
        return jdbc.sql("select current_run_id, previous_run_id from segmentation_state where tenant_id = ?"
                + " and current_run_id is not null").param(tenant.value())
                .query((rs, i) -> new Pointers(rs.getLong(1), nullableLong(rs, 2))).optional();
    }

    public Optional<RunStatus> find(TenantId tenant, long run) {
        return jdbc.sql("select * from segmentation_run where tenant_id = ? and id = ?").params(tenant.value(), run)
                .query((rs, i) -> status(rs)).optional();
    }

    public List<RunStatus> history(TenantId tenant, int offset, int limit) {
        return jdbc.sql("select * from segmentation_run where tenant_id = ? order by started_at desc, id desc"
                + " limit ? offset ?").params(tenant.value(), limit, offset).query((rs, i) -> status(rs)).list();
    }

    /** Whether a run of the tenant holds its recompute slot and wrote a heartbeat at or after {@code staleBefore}. */
    public boolean running(TenantId tenant, Instant staleBefore) {
        return jdbc.sql("""
                select count(*) from segmentation_state s
                  join segmentation_run r on r.tenant_id = s.tenant_id and r.id = s.running_run_id
                 where s.tenant_id = ? and r.status = 'RUNNING' and r.heartbeat_at >= ?""")
                .params(tenant.value(), Timestamp.from(staleBefore)).query(Integer.class).single() > 0;
    }

    public int count(TenantId tenant) {
        return jdbc.sql("select count(*) from segmentation_run where tenant_id = ?").param(tenant.value())
                .query(Integer.class).single();
    }

    /**
     * Writes a running run's heartbeat (see {@code RunHeartbeats}): the run keeps its recompute slot however long a
     * step takes. A run that has finished is left as it is.
     */
    public void beat(TenantId tenant, long run, Instant now) {
        jdbc.sql("update segmentation_run set heartbeat_at = ? where tenant_id = ? and id = ? and status = 'RUNNING'")
                .params(Timestamp.from(now), tenant.value(), run).update();
    }

    /** Writes this node's heartbeat. */
    @TenantAgnostic("a node's heartbeat belongs to the cluster, not to a tenant")
    public void beat(String node, Instant startedAt, Instant now) {
        if (jdbc.sql("update node_heartbeat set beat_at = ?, started_at = ? where node = ?")
                .params(Timestamp.from(now), Timestamp.from(startedAt), node).update() == 0) {
            try {
                jdbc.sql("insert into node_heartbeat (node, started_at, beat_at) values (?, ?, ?)")
                        .params(node, Timestamp.from(startedAt), Timestamp.from(now)).update();
            } catch (org.springframework.dao.DuplicateKeyException sameNodeNameElsewhere) {
                jdbc.sql("update node_heartbeat set beat_at = ? where node = ?").params(Timestamp.from(now), node)
                        .update();
            }
        }
    }

    /**
     * Marks failed the runs this node left RUNNING before it (re)started at {@code startedAt}: no thread of this
     * process runs them. Returns how many.
     */
    @TenantAgnostic("at start-up a node cleans up after itself in every tenant")
    public int failLeftBehind(String node, Instant startedAt, Instant now) {
        int failed = jdbc.sql("""
                update segmentation_run set status = 'FAILED', phase = 'DONE', finished_at = ?, error = ?
                 where status = 'RUNNING' and node = ? and started_at < ?""")
                .params(Timestamp.from(now), RunStatus.NODE_STOPPED, node, Timestamp.from(startedAt)).update();
        if (failed > 0) {
            freeSlotsOfFinishedRuns();
        }
        return failed;
    }

    /**
     * Marks failed the runs of other nodes whose heartbeat is older than {@code deadBefore} (a run of a node that
     * never wrote one, from before heartbeats, counts by its own heartbeat). Returns how many runs were failed.
     */
    @TenantAgnostic("any living node fails the runs of a dead one, in every tenant")
    public int failRunsOfDeadNodes(String self, Instant deadBefore, Instant now) {
        Timestamp dead = Timestamp.from(deadBefore);
        int failed = jdbc.sql("""
                update segmentation_run set status = 'FAILED', phase = 'DONE', finished_at = ?, error = ?
                 where status = 'RUNNING' and (node is null or node <> ?)
                   and (node in (select h.node from node_heartbeat h where h.beat_at < ?)
                        or (heartbeat_at < ? and (node is null
                                                  or node not in (select h.node from node_heartbeat h))))""")
                .params(Timestamp.from(now), RunStatus.NODE_STOPPED, self, dead, dead).update();
        if (failed > 0) {
            freeSlotsOfFinishedRuns();
        }
        return failed;
    }

    /** Frees the tenants' recompute slots held by runs that are no longer running. */
    @TenantAgnostic("follows the failing of dead nodes' runs, which spans every tenant")
    private void freeSlotsOfFinishedRuns() {
        jdbc.sql("""
                update segmentation_state set running_run_id = null, running_since = null
                 where running_run_id in (select r.id from segmentation_run r where r.status <> 'RUNNING')""")
                .update();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static RunStatus status(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RunStatus(rs.getLong("id"), rs.getDate("as_of").toLocalDate(),
                RunTrigger.valueOf(rs.getString("trigger_source")), rs.getString("node"),
                State.valueOf(rs.getString("status")), Phase.valueOf(rs.getString("phase")),
                rs.getInt("progress_permille"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("customers"), rs.getInt("customers_scored"),
                rs.getInt("changes"), rs.getString("error"));
    }

    /** The current run and the previous one, if any. */
    public record Pointers(long current, Long previous) {
    }
}
