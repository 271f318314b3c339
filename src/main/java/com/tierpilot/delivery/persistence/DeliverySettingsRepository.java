package com.tierpilot.delivery.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.DeliveryRules;
import com.tierpilot.delivery.Provider;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A company's delivery rules and its provider accounts (secrets sealed). */
@Repository
public class DeliverySettingsRepository {

    private final JdbcTemplate jdbc;

    DeliverySettingsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DeliveryRules rules(TenantId tenant) {
        return jdbc.query("select quiet_start, quiet_end, weekly_cap, sms_price_per_part, sms_provider,"
                + " unsubscribe_text, version from delivery_settings where tenant_id = ?", (rs, i) -> new DeliveryRules(
                        rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getString(5) == null ? null : Provider.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getInt(7)), tenant.value()).stream().findFirst().orElse(DeliveryRules.DEFAULTS);
    }

    /** Saves the rules read at {@code rules.version()}; false when someone saved since. */
    public boolean save(TenantId tenant, DeliveryRules rules, Instant now) {
        Object[] values = {Time.valueOf(rules.quietStart()), Time.valueOf(rules.quietEnd()), rules.weeklyCap(),
            rules.smsPricePerPart(), rules.smsProvider() == null ? null : rules.smsProvider().name(),
            rules.unsubscribeText(), Timestamp.from(now), tenant.value()};
        if (rules.version() < 0) {
            try {
                return jdbc.update("insert into delivery_settings (quiet_start, quiet_end, weekly_cap,"
                        + " sms_price_per_part, sms_provider, unsubscribe_text, updated_at, tenant_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", values) == 1;
            } catch (DuplicateKeyException savedMeanwhile) {
                return false;
            }
        }
        Object[] withVersion = java.util.Arrays.copyOf(values, values.length + 1);
        withVersion[values.length] = rules.version();
        return jdbc.update("update delivery_settings set quiet_start = ?, quiet_end = ?, weekly_cap = ?,"
                + " sms_price_per_part = ?, sms_provider = ?, unsubscribe_text = ?, updated_at = ?,"
                + " version = version + 1 where tenant_id = ? and version = ?", withVersion) == 1;
    }

    /** A stored account, its secret still sealed. */
    public record StoredProvider(Provider provider, String accessKeyId, String secretSealed, String secretHint,
            String signName, @Nullable String appId, String region, Instant updatedAt) {
    }

    public List<StoredProvider> providers(TenantId tenant) {
        return jdbc.query("select provider, access_key_id, secret_sealed, secret_hint, sign_name, app_id, region,"
                + " updated_at from delivery_provider where tenant_id = ? order by provider", (rs, i) ->
                        new StoredProvider(Provider.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getTimestamp(8).toInstant()), tenant.value());
    }

    public Optional<StoredProvider> provider(TenantId tenant, Provider provider) {
        return providers(tenant).stream().filter(p -> p.provider() == provider).findFirst();
    }

    public void save(TenantId tenant, StoredProvider p) {
        int updated = jdbc.update("update delivery_provider set access_key_id = ?, secret_sealed = ?, secret_hint = ?,"
                + " sign_name = ?, app_id = ?, region = ?, updated_at = ? where tenant_id = ? and provider = ?",
                p.accessKeyId(), p.secretSealed(), p.secretHint(), p.signName(), p.appId(), p.region(),
                Timestamp.from(p.updatedAt()), tenant.value(), p.provider().name());
        if (updated == 0) {
            jdbc.update("insert into delivery_provider (tenant_id, provider, access_key_id, secret_sealed, secret_hint,"
                    + " sign_name, app_id, region, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant.value(),
                    p.provider().name(), p.accessKeyId(), p.secretSealed(), p.secretHint(), p.signName(), p.appId(),
                    p.region(), Timestamp.from(p.updatedAt()));
        }
    }
}
