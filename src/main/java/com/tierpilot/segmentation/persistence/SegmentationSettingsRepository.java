package com.tierpilot.segmentation.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.segmentation.AbcSettings;
import com.tierpilot.segmentation.LifecycleSettings;
import com.tierpilot.segmentation.RfmSettings;
import com.tierpilot.segmentation.SegmentationSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** A tenant's scheme settings as JSON, with optimistic versioning and a change record per changed scheme. */
@Repository
public class SegmentationSettingsRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SegmentationSettingsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public SegmentationSettings load(TenantId tenant) {
        return jdbc.sql("select rfm, abc, lifecycle, version from segmentation_settings where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> new SegmentationSettings(json.readValue(rs.getString(1), RfmSettings.class),
                        json.readValue(rs.getString(2), AbcSettings.class),
                        json.readValue(rs.getString(3), LifecycleSettings.class), rs.getInt(4)))
                .optional().orElseGet(SegmentationSettings::defaults);
    }

    /**
     * Saves new settings if nobody saved others since {@code settings.version()} was read; records what changed.
     * Returns the settings at their new version.
     */
    public SegmentationSettings save(TenantId tenant, UserId user, SegmentationSettings settings, Instant now) {
        SegmentationSettings before = load(tenant);
        if (before.version() != settings.version()) {
            throw new UserFacingException("segmentation.error.concurrentChange");
        }
        int next = settings.version() + 1;
        Timestamp at = Timestamp.from(now);
        int updated = jdbc.sql("""
                update segmentation_settings set rfm = ?, abc = ?, lifecycle = ?, version = ?, updated_at = ?,
                       updated_by = ?
                 where tenant_id = ? and version = ?""")
                .params(json(settings.rfm()), json(settings.abc()), json(settings.lifecycle()), next, at, user.value(),
                        tenant.value(), settings.version()).update();
        if (updated == 0) {
            if (settings.version() != 0 || exists(tenant)) {
                throw new UserFacingException("segmentation.error.concurrentChange");
            }
            jdbc.sql("""
                    insert into segmentation_settings (tenant_id, rfm, abc, lifecycle, version, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), json(settings.rfm()), json(settings.abc()), json(settings.lifecycle()),
                            next, at, user.value()).update();
        }
        record(tenant, user, "RFM", null, json(before.rfm()), json(settings.rfm()), now);
        record(tenant, user, "ABC", null, json(before.abc()), json(settings.abc()), now);
        record(tenant, user, "LIFECYCLE", null, json(before.lifecycle()), json(settings.lifecycle()), now);
        return new SegmentationSettings(settings.rfm(), settings.abc(), settings.lifecycle(), next);
    }

    /** Records a change of a scheme or a rule segment, unless nothing changed. */
    public void record(TenantId tenant, UserId user, String scheme, String subject, String beforeJson,
            String afterJson, Instant now) {
        if (Objects.equals(beforeJson, afterJson)) {
            return;
        }
        jdbc.sql("""
                insert into segmentation_change (tenant_id, changed_at, user_id, scheme, subject, before_json,
                                                 after_json)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), Timestamp.from(now), user.value(), scheme, subject, beforeJson, afterJson)
                .update();
    }

    /** The changes of the settings and rule segments, newest first. */
    public java.util.List<SettingsChange> changes(TenantId tenant, int limit) {
        return jdbc.sql("""
                select changed_at, user_id, scheme, subject, before_json, after_json from segmentation_change
                 where tenant_id = ? order by changed_at desc, id desc limit ?""")
                .params(tenant.value(), limit)
                .query((rs, i) -> new SettingsChange(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3),
                        Optional.ofNullable(rs.getString(4)).orElse(""), rs.getString(5), rs.getString(6)))
                .list();
    }

    private boolean exists(TenantId tenant) {
        return jdbc.sql("select count(*) from segmentation_settings where tenant_id = ?").param(tenant.value())
                .query(Integer.class).single() > 0;
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }

    /** One recorded change. */
    public record SettingsChange(Instant at, long userId, String scheme, String subject, String before,
            String after) {
    }
}
