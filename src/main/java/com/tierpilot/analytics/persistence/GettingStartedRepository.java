package com.tierpilot.analytics.persistence;

import com.tierpilot.base.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a company recorded on its way to the first dashboard (getting_started): criteria checked, panel dismissed. */
@Repository
public class GettingStartedRepository {

    /** The company's marks; both false until it records them. */
    public record Marks(boolean criteriaChecked, boolean dismissed) {
    }

    private final JdbcClient jdbc;

    GettingStartedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Marks marks(TenantId tenant) {
        return jdbc.sql("select criteria_checked_at is not null, dismissed_at is not null from getting_started"
                + " where tenant_id = ?").param(tenant.value())
                .query((rs, i) -> new Marks(rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElse(new Marks(false, false));
    }

    public void markCriteriaChecked(TenantId tenant, Instant at) {
        mark(tenant, "criteria_checked_at", at);
    }

    public void markDismissed(TenantId tenant, Instant at) {
        mark(tenant, "dismissed_at", at);
    }

    /** Records the first time only; two clicks at once record one. */
    private void mark(TenantId tenant, String column, Instant at) {
        Timestamp now = Timestamp.from(at);
        String update = "update getting_started set " + column + " = coalesce(" + column + ", ?) where tenant_id = ?";
        if (jdbc.sql(update).params(now, tenant.value()).update() == 0) {
            try {
                jdbc.sql("insert into getting_started (tenant_id, " + column + ") values (?, ?)")
                        .params(tenant.value(), now).update();
            } catch (DuplicateKeyException clickedTwice) {
                jdbc.sql(update).params(now, tenant.value()).update();
            }
        }
    }
}
