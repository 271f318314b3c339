package com.tierpilot.delivery.persistence;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.Consent;
import com.tierpilot.delivery.ConsentSource;
import com.tierpilot.delivery.Suppression;
import com.tierpilot.delivery.SuppressionReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Marketing consent, the suppression list, the unsubscribe tokens and the SMS reply callbacks. Customers are read
 * from the customer module's {@code customer} table by phone or e-mail (its indexes ix_customer_phone and
 * ix_customer_email), always within the tenant.
 */
@Repository
public class ConsentRepository {

    private final JdbcTemplate jdbc;

    ConsentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Consent> consents(TenantId tenant, long customerId) {
        return jdbc.query("select channel, granted, source, note, changed_at from marketing_consent"
                + " where tenant_id = ? and customer_id = ? order by channel", (rs, i) -> new Consent(
                        ChannelKind.valueOf(rs.getString(1)), rs.getBoolean(2), ConsentSource.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), tenant.value(), customerId);
    }

    /** Records the consent; true when it changed (withdrawing twice changes nothing the second time). */
    public boolean set(TenantId tenant, long customerId, ChannelKind channel, boolean granted, ConsentSource source,
            @Nullable String note, Instant now) {
        int updated = jdbc.update("update marketing_consent set granted = ?, source = ?, note = ?, changed_at = ?"
                + " where tenant_id = ? and customer_id = ? and channel = ? and granted <> ?", granted, source.name(),
                note, Timestamp.from(now), tenant.value(), customerId, channel.name(), granted);
        if (updated > 0) {
            return true;
        }
        try {
            return jdbc.update("insert into marketing_consent (tenant_id, customer_id, channel, granted, source, note,"
                    + " changed_at) values (?, ?, ?, ?, ?, ?, ?)", tenant.value(), customerId, channel.name(), granted,
                    source.name(), note, Timestamp.from(now)) == 1;
        } catch (DuplicateKeyException alreadyInThatState) {
            return false;
        }
    }

    /** Adds the address; false when it was already suppressed (the first reason stays). */
    public boolean suppress(TenantId tenant, ChannelKind channel, String address, SuppressionReason reason,
            ConsentSource source, Instant now) {
        try {
            return jdbc.update("insert into suppression (tenant_id, channel, address, reason, source, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)", tenant.value(), channel.name(), address, reason.name(),
                    source.name(), Timestamp.from(now)) == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    public void unsuppress(TenantId tenant, ChannelKind channel, String address, SuppressionReason reason) {
        jdbc.update("delete from suppression where tenant_id = ? and channel = ? and address = ? and reason = ?",
                tenant.value(), channel.name(), address, reason.name());
    }

    public List<Suppression> suppressions(TenantId tenant, int offset, int limit) {
        return jdbc.query("select channel, address, reason, source, created_at from suppression where tenant_id = ?"
                + " order by created_at desc, address limit ? offset ?", (rs, i) -> new Suppression(
                        ChannelKind.valueOf(rs.getString(1)), rs.getString(2),
                        SuppressionReason.valueOf(rs.getString(3)), ConsentSource.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()), tenant.value(), limit, offset);
    }

    public boolean isSuppressed(TenantId tenant, ChannelKind channel, String address) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from suppression where tenant_id = ?"
                + " and channel = ? and address = ?", Boolean.class, tenant.value(), channel.name(), address));
    }

    /** The tenant's customers whose phone is this mainland number, with or without +86. */
    public List<Long> customersByPhone(TenantId tenant, String digits) {
        return jdbc.queryForList("select id from customer where tenant_id = ? and phone in (?, ?, ?)", Long.class,
                tenant.value(), digits, "+86" + digits, "86" + digits);
    }

    // Unsubscribe links

    public void saveToken(TenantId tenant, String tokenHash, long customerId, ChannelKind channel, Instant now) {
        jdbc.update("insert into unsubscribe_token (token_hash, tenant_id, customer_id, channel, created_at)"
                + " values (?, ?, ?, ?, ?)", tokenHash, tenant.value(), customerId, channel.name(),
                Timestamp.from(now));
    }

    /** Whose link this is. */
    public record TokenOwner(TenantId tenant, long customerId, ChannelKind channel, @Nullable Instant usedAt) {
    }

    @TenantAgnostic("an unsubscribe link is opened without login: its secret token is all it carries and it names"
            + " its tenant")
    public Optional<TokenOwner> tokenOwner(String tokenHash) {
        return jdbc.query("select tenant_id, customer_id, channel, used_at from unsubscribe_token where token_hash = ?",
                (rs, i) -> new TokenOwner(TenantId.of(rs.getLong(1)), rs.getLong(2),
                        ChannelKind.valueOf(rs.getString(3)), rs.getTimestamp(4) == null ? null
                                : rs.getTimestamp(4).toInstant()), tokenHash).stream().findFirst();
    }

    public void markUsed(TenantId tenant, String tokenHash, Instant now) {
        jdbc.update("update unsubscribe_token set used_at = ? where tenant_id = ? and token_hash = ?"
                + " and used_at is null", Timestamp.from(now), tenant.value(), tokenHash);
    }

    // SMS reply callbacks

    public void saveReplyHook(TenantId tenant, String tokenHash, Instant now) {
        jdbc.update("delete from sms_reply_hook where tenant_id = ?", tenant.value());
        jdbc.update("insert into sms_reply_hook (token_hash, tenant_id, created_at) values (?, ?, ?)", tokenHash,
                tenant.value(), Timestamp.from(now));
    }

    public Optional<Instant> replyHookCreated(TenantId tenant) {
        return jdbc.queryForList("select created_at from sms_reply_hook where tenant_id = ?", Timestamp.class,
                tenant.value()).stream().findFirst().map(Timestamp::toInstant);
    }

    @TenantAgnostic("a provider's reply callback carries no login: the secret token in its address names the tenant")
    public Optional<TenantId> replyHookTenant(String tokenHash) {
        return jdbc.queryForList("select tenant_id from sms_reply_hook where token_hash = ?", Long.class, tokenHash)
                .stream().findFirst().map(TenantId::of);
    }
}
