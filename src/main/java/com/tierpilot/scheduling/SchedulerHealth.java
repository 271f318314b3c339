package com.tierpilot.scheduling;

import com.tierpilot.scheduling.persistence.ClusterCheckinRepository;
import java.time.Clock;
import java.time.Duration;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The scheduler's part of actuator health: up when it is started, not in standby, and this node checked in to the
 * cluster within three check-in intervals (a node that cannot reach the database, or hangs, stops checking in and
 * the other nodes take its jobs over).
 */
@Component("scheduler")
class SchedulerHealth implements HealthIndicator {

    private final Scheduler scheduler;
    private final ClusterCheckinRepository checkins;
    private final Clock clock;

    SchedulerHealth(Scheduler scheduler, ClusterCheckinRepository checkins, Clock clock) {
        this.scheduler = scheduler;
        this.checkins = checkins;
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            Health.Builder health = meta.isStarted() && !meta.isInStandbyMode() ? Health.up() : Health.down();
            health.withDetail("instanceId", meta.getSchedulerInstanceId()).withDetail("started", meta.isStarted())
                    .withDetail("standby", meta.isInStandbyMode()).withDetail("clustered", meta.isJobStoreClustered())
                    .withDetail("jobsExecuted", meta.getNumberOfJobsExecuted());
            if (meta.isJobStoreClustered() && meta.isStarted()) {
                Duration since = checkins.lastCheckin(meta.getSchedulerName(), meta.getSchedulerInstanceId())
                        .map(at -> Duration.between(at, clock.instant())).orElse(null);
                health.withDetail("lastCheckinAgoMs", since == null ? -1 : since.toMillis());
                if (since == null || since.compareTo(Duration.ofSeconds(15)) > 0) {
                    health.down();
                }
            }
            return health.build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }
}
