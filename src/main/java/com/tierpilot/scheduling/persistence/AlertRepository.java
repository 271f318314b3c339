package com.tierpilot.scheduling.persistence;

import com.tierpilot.base.StoredText;
import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.RunAlert;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The owner's open alerts about nightly runs. */
@Repository
public class AlertRepository {

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(TenantId tenant, RunAlert.Kind kind, long nightlyRun, @Nullable String detail, Instant now) {
        jdbc.sql("""
                insert into nightly_alert (tenant_id, kind, nightly_run_id, detail, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(tenant.value(), kind.name(), nightlyRun,
                        StoredText.clip(detail),
                        Timestamp.from(now)).update();
    }

    public List<RunAlert> open(TenantId tenant) {
        return jdbc.sql("""
                select id, kind, detail, created_at from nightly_alert
                 where tenant_id = ? and dismissed_at is null order by created_at desc, id desc limit 5""")
                .param(tenant.value())
                .query((rs, i) -> new RunAlert(rs.getLong(1), RunAlert.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    public int dismissAll(TenantId tenant, Instant now) {
        return jdbc.sql("update nightly_alert set dismissed_at = ? where tenant_id = ? and dismissed_at is null")
                .params(Timestamp.from(now), tenant.value()).update();
    }
}
