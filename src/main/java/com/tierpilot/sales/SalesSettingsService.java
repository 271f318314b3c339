package com.tierpilot.sales;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.OwnershipLimits;
import com.tierpilot.sales.persistence.PoolRepository;
import com.tierpilot.customer.SalesStage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and saves a company's prospect settings: grade thresholds and the wording of stages and types; and its rules
 * of ownership and of the shared pool, which are the customer module's limits.
 */
@Service
@Transactional
public class SalesSettingsService implements OwnershipLimits {

    private final JdbcClient jdbc;
    private final PoolRepository pool;
    private final Clock clock;

    SalesSettingsService(JdbcClient jdbc, PoolRepository pool, Clock clock) {
        this.jdbc = jdbc;
        this.pool = pool;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SalesSettings settings(TenantId tenant) {
        return jdbc.sql("""
                select a_within_days, b_within_days, c_within_days, stage_labels, type_labels
                  from sales_settings
                 where tenant_id = :tenant""")
                .param("tenant", tenant.value())
                .query((rs, i) -> new SalesSettings(new GradeThresholds(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        parse(rs.getString(4), SalesStage.class), parse(rs.getString(5), CustomerType.class)))
                .optional().orElseGet(SalesSettings::defaults);
    }

    /** The company's rules of ownership and of the shared pool; the seed's figures until changed. */
    @Transactional(readOnly = true)
    public PoolRules poolRules(TenantId tenant) {
        return pool.rules(tenant).orElse(PoolRules.DEFAULT);
    }

    @Override
    @Transactional(readOnly = true)
    public int managerLimit(TenantId tenant) {
        return poolRules(tenant).managerLimit();
    }

    @Override
    @Transactional(readOnly = true)
    public int dailyClaims(TenantId tenant) {
        return poolRules(tenant).dailyClaims();
    }

    /** Saves the rules of ownership and of the pool; the next claim and the next night follow them. */
    @PreAuthorize("hasRole('OWNER')")
    public void savePoolRules(TenantId tenant, PoolRules rules) {
        pool.saveRules(tenant, rules.checked(), GradeThresholds.DEFAULT, clock.instant());
    }

    /** Saves the settings and the rules of the pool together, or neither (both are checked first). */
    @PreAuthorize("hasRole('OWNER')")
    public void saveAll(TenantId tenant, SalesSettings settings, PoolRules rules) {
        settings.thresholds().checked();
        rules.checked();
        save(tenant, settings);
        savePoolRules(tenant, rules);
    }

    /** Saves the settings; the next night grades by the new thresholds. */
    @PreAuthorize("hasRole('OWNER')")
    public void save(TenantId tenant, SalesSettings settings) {
        GradeThresholds t = settings.thresholds().checked();
        String stages = format(settings.stageLabels());
        String types = format(settings.typeLabels());
        Timestamp at = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                update sales_settings
                   set a_within_days = :a, b_within_days = :b, c_within_days = :c, stage_labels = :stages,
                       type_labels = :types, updated_at = :at
                 where tenant_id = :tenant""")
                .param("a", t.aWithinDays()).param("b", t.bWithinDays()).param("c", t.cWithinDays())
                .param("stages", stages, java.sql.Types.VARCHAR).param("types", types, java.sql.Types.VARCHAR)
                .param("at", at).param("tenant", tenant.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into sales_settings (tenant_id, a_within_days, b_within_days, c_within_days, stage_labels,
                                                type_labels, updated_at)
                    values (:tenant, :a, :b, :c, :stages, :types, :at)""")
                    .param("a", t.aWithinDays()).param("b", t.bWithinDays()).param("c", t.cWithinDays())
                    .param("stages", stages, java.sql.Types.VARCHAR).param("types", types, java.sql.Types.VARCHAR)
                    .param("at", at).param("tenant", tenant.value()).update();
        }
    }

    private static <E extends Enum<E>> @Nullable String format(Map<E, String> labels) {
        Map<E, String> kept = labels.entrySet().stream().filter(e -> e.getValue() != null
                && !e.getValue().isBlank()).collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().strip()));
        for (String label : kept.values()) {
            if (label.length() > SalesSettings.MAX_LABEL_LENGTH || label.contains("\n")) {
                throw new UserFacingException("sales.settings.error.label", SalesSettings.MAX_LABEL_LENGTH);
            }
        }
        return kept.isEmpty() ? null : kept.entrySet().stream().sorted(Map.Entry.comparingByKey())
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
