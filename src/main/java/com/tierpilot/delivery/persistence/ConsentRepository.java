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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Marketing consent, the suppression list, the unsubscribe tokens and the SMS reply callbacks. Customers are read
 * from the customer module's {@code customer} table by phone or e-mail (its indexes ix_customer_phone and
 * ix_customer_email), always within the tenant.
 */
@Repository
public class ConsentRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ConsentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
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

    // Consent in bulk: an import or an API batch (ConsentIntakeService), at most a chunk of customers per call

    /** A customer's consent on one channel as stored. */
    public record StoredConsent(long customerId, ChannelKind channel, boolean granted, ConsentSource source,
            Instant changedAt) {
    }

    /** A customer's phone and e-mail address, as the customer module stores them. */
    public record Contact(long customerId, @Nullable String phone, @Nullable String email) {
    }

    /** A consent to record: inserted when the customer has no record on the channel, otherwise updated. */
    public record ConsentChange(long customerId, ChannelKind channel, boolean granted, ConsentSource source,
            Instant at) {
    }

    public List<StoredConsent> consents(TenantId tenant, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return named.query("select customer_id, channel, granted, source, changed_at from marketing_consent"
                + " where tenant_id = :tenant and customer_id in (:ids)", new MapSqlParameterSource("tenant",
                        tenant.value()).addValue("ids", customerIds), (rs, i) -> new StoredConsent(rs.getLong(1),
                                ChannelKind.valueOf(rs.getString(2)), rs.getBoolean(3),
                                ConsentSource.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()));
    }

    public List<Contact> contacts(TenantId tenant, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return named.query("select id, phone, email from customer where tenant_id = :tenant and id in (:ids)",
                new MapSqlParameterSource("tenant", tenant.value()).addValue("ids", customerIds),
                (rs, i) -> new Contact(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Which of these (normalized) addresses are on the company's suppression list for the channel. */
    public Set<String> suppressedAmong(TenantId tenant, ChannelKind channel, Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select address from suppression where tenant_id = :tenant"
                + " and channel = :channel and address in (:addresses)", new MapSqlParameterSource("tenant",
                        tenant.value()).addValue("channel", channel.name()).addValue("addresses", addresses),
                String.class));
    }

    /**
     * Writes the changes in two JDBC batches. An update applies only if the stored record is still what the decision
     * saw: a withdrawal only over a consent given, a "yes" only over a withdrawal by an import or the API (so an
     * unsubscribe that arrives meanwhile is never overwritten).
     */
    public void writeConsents(TenantId tenant, List<ConsentChange> inserts, List<ConsentChange> updates) {
        jdbc.batchUpdate("insert into marketing_consent (tenant_id, customer_id, channel, granted, source, note,"
                + " changed_at) values (?, ?, ?, ?, ?, null, ?)", inserts, 1000, (ps, c) -> {
                    ps.setLong(1, tenant.value());
                    ps.setLong(2, c.customerId());
                    ps.setString(3, c.channel().name());
                    ps.setBoolean(4, c.granted());
                    ps.setString(5, c.source().name());
                    ps.setTimestamp(6, Timestamp.from(c.at()));
                });
        jdbc.batchUpdate("update marketing_consent set granted = ?, source = ?, note = null, changed_at = ?"
                + " where tenant_id = ? and customer_id = ? and channel = ? and granted <> ?"
                + " and (granted = true or source in ('IMPORT', 'API'))", updates, 1000, (ps, c) -> {
                    ps.setBoolean(1, c.granted());
                    ps.setString(2, c.source().name());
                    ps.setTimestamp(3, Timestamp.from(c.at()));
                    ps.setLong(4, tenant.value());
                    ps.setLong(5, c.customerId());
                    ps.setString(6, c.channel().name());
                    ps.setBoolean(7, c.granted());
                });
    }

    // Unsubscribe links

    /** Several customers' tokens in one batch: customer id and token hash each. */
    public void saveTokens(TenantId tenant, List<java.util.Map.Entry<Long, String>> hashes, ChannelKind channel,
            Instant now) {
        jdbc.batchUpdate("insert into unsubscribe_token (token_hash, tenant_id, customer_id, channel, created_at)"
                + " values (?, ?, ?, ?, ?)", hashes, 1000, (ps, h) -> {
                    ps.setString(1, h.getValue());
                    ps.setLong(2, tenant.value());
                    ps.setLong(3, h.getKey());
                    ps.setString(4, channel.name());
                    ps.setTimestamp(5, Timestamp.from(now));
                });
    }

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
