package com.tierpilot.sales.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.sales.GradeThresholds;
import com.tierpilot.sales.SalesSettings;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A company's prospect settings in sales_settings: the grade thresholds and its own wording of stages and types,
 * stored as {@code NAME=label} lines (no line for a stage or type that keeps its default wording).
 */
@Repository
public class SalesSettingsRepository {

    private final JdbcClient jdbc;

    SalesSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SalesSettings> find(TenantId tenant) {
        return jdbc.sql("""
                select a_within_days, b_within_days, c_within_days, stage_labels, type_labels
                  from sales_settings
                 where tenant_id = :tenant""")
                .param("tenant", tenant.value())
                .query((rs, i) -> new SalesSettings(new GradeThresholds(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        parse(rs.getString(4), SalesStage.class), parse(rs.getString(5), CustomerType.class)))
                .optional();
    }

    /** Saves checked settings; a company without a settings row gets one (the pool's columns keep their defaults). */
    public void save(TenantId tenant, SalesSettings settings, Instant now) {
        GradeThresholds t = settings.thresholds();
        String stages = format(settings.stageLabels());
        String types = format(settings.typeLabels());
        Timestamp at = Timestamp.from(now);
        int updated = jdbc.sql("""
                update sales_settings
                   set a_within_days = :a, b_within_days = :b, c_within_days = :c, stage_labels = :stages,
                       type_labels = :types, updated_at = :at
                 where tenant_id = :tenant""")
                .param("a", t.aWithinDays()).param("b", t.bWithinDays()).param("c", t.cWithinDays())
                .param("stages", stages, Types.VARCHAR).param("types", types, Types.VARCHAR)
                .param("at", at).param("tenant", tenant.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into sales_settings (tenant_id, a_within_days, b_within_days, c_within_days, stage_labels,
                                                type_labels, updated_at)
                    values (:tenant, :a, :b, :c, :stages, :types, :at)""")
                    .param("a", t.aWithinDays()).param("b", t.bWithinDays()).param("c", t.cWithinDays())
                    .param("stages", stages, Types.VARCHAR).param("types", types, Types.VARCHAR)
                    .param("at", at).param("tenant", tenant.value()).update();
        }
    }

    private static <E extends Enum<E>> @Nullable String format(Map<E, String> labels) {
        return labels.isEmpty() ? null : labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static <E extends Enum<E>> Map<E, String> parse(@Nullable String text, Class<E> type) {
        Map<E, String> labels = new EnumMap<>(type);
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    labels.put(Enum.valueOf(type, line.substring(0, eq)), line.substring(eq + 1));
                }
            }
        }
        return labels;
    }
}
