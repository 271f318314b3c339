package com.tierpilot.scheduling.persistence;

import com.tierpilot.base.TenantAgnostic;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads Quartz's cluster table: when a scheduler node last checked in. */
@Repository
public class ClusterCheckinRepository {

    private final JdbcClient jdbc;

    ClusterCheckinRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The node's last check-in, or empty when the node has no row (it never checked in, or was taken over). */
    @TenantAgnostic("the scheduler's own row in Quartz's cluster table belongs to no tenant")
    public Optional<Instant> lastCheckin(String scheduler, String instance) {
        return jdbc.sql("select LAST_CHECKIN_TIME from QRTZ_SCHEDULER_STATE where SCHED_NAME = ? and INSTANCE_NAME = ?")
                .params(scheduler, instance).query(Long.class).optional().map(Instant::ofEpochMilli);
    }
}
