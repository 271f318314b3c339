package com.tierpilot.delivery.persistence;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.CampaignMessages;
import com.tierpilot.delivery.ChannelKind;
import com.tierpilot.delivery.HoldReason;
import com.tierpilot.delivery.MessageStatus;
import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.SentMessage;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox: campaign messages, the batches they belong to, and the rate windows the sender shares across nodes.
 * Claims are conditional updates on the lease columns, so two nodes never both claim one row; the frequency cap is
 * decided under a lock of the customers' rows ({@code select ... for update} on the customer module's
 * {@code customer} table, in id order), so that two nodes cannot both give one customer a message over the cap.
 */
@Repository
public class OutboxRepository {

    private static final int CHUNK = 500;
    /** How far ahead of a node's own one-second window a shared window may be and still count (clock skew). */
    private static final java.time.Duration RATE_SKEW = java.time.Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;

    OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // Launch

    /** Records the batch; false when this campaign step and channel were handed over already. */
    public boolean insertBatch(TenantId tenant, CampaignMessages m, Provider provider, Instant now) {
        try {
            return jdbc.update("insert into outbox_batch (tenant_id, campaign_id, step, channel, template_id, provider,"
                    + " coupon_value_zh, coupon_value_en, coupon_expiry, segment_zh, segment_en, link, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant.value(), m.campaignId(), m.step(),
                    m.channel().name(), m.templateId(), provider.name(), m.couponValueZh(), m.couponValueEn(),
                    m.couponExpiry() == null ? null : Date.valueOf(m.couponExpiry()), m.segmentZh(), m.segmentEn(),
                    m.link(),
                    Timestamp.from(now)) == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** A customer's address on a channel, and whether the customer consented to marketing there. */
    public record Reach(long customerId, @Nullable String address, boolean consent) {
    }

    public List<Reach> reach(TenantId tenant, ChannelKind channel, Collection<Long> customerIds) {
        String column = channel == ChannelKind.SMS ? "c.phone" : "c.email";
        List<Reach> all = new ArrayList<>(customerIds.size());
        for (List<Long> chunk : chunks(customerIds)) {
            List<Object> args = new ArrayList<>();
            args.add(channel.name());
            args.add(tenant.value());
            args.addAll(chunk);
            jdbc.query("select c.id, " + column + ", coalesce(mc.granted, false) from customer c"
                    + " left join marketing_consent mc on mc.tenant_id = c.tenant_id and mc.customer_id = c.id"
                    + " and mc.channel = ? where c.tenant_id = ? and c.id in (" + marks(chunk.size()) + ")",
                    rs -> {
                        all.add(new Reach(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
                    }, args.toArray());
        }
        return all;
    }

    /** The company's suppressed addresses on a channel, normalized. */
    public Set<String> suppressed(TenantId tenant, ChannelKind channel) {
        return new HashSet<>(jdbc.queryForList("select address from suppression where tenant_id = ? and channel = ?",
                String.class, tenant.value(), channel.name()));
    }

    /** How many marketing messages each customer had (or has reserved) since the instant. */
    public Map<Long, Integer> countedSince(TenantId tenant, Collection<Long> customerIds, Instant since) {
        Map<Long, Integer> counts = new HashMap<>();
        for (List<Long> chunk : chunks(customerIds)) {
            List<Object> args = new ArrayList<>();
            args.add(tenant.value());
            args.add(Timestamp.from(since));
            args.addAll(chunk);
            jdbc.query("select customer_id, count(*) from outbox_message where tenant_id = ? and counted_at > ?"
                    + " and status in ('PENDING', 'SENDING', 'SENT', 'DELIVERED') and customer_id in ("
                    + marks(chunk.size()) + ") group by customer_id", rs -> {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }, args.toArray());
        }
        return counts;
    }

    /** One member's row as the launch writes it. */
    public record NewMessage(long customerId, @Nullable String couponCode, MessageStatus status,
            @Nullable HoldReason holdReason) {
    }

    public void insertMessages(TenantId tenant, CampaignMessages m, Provider provider, List<NewMessage> rows,
            Instant sendAt, Instant now) {
        jdbc.batchUpdate("insert into outbox_message (tenant_id, campaign_id, step, channel, customer_id, provider,"
                + " coupon_code, status, hold_reason, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)", rows, 1000, (ps, r) -> {
                    ps.setLong(1, tenant.value());
                    ps.setLong(2, m.campaignId());
                    ps.setInt(3, m.step());
                    ps.setString(4, m.channel().name());
                    ps.setLong(5, r.customerId());
                    ps.setString(6, provider.name());
                    ps.setString(7, r.couponCode());
                    ps.setString(8, r.status().name());
                    ps.setString(9, r.holdReason() == null ? null : r.holdReason().name());
                    ps.setTimestamp(10, Timestamp.from(sendAt));
                    ps.setTimestamp(11, Timestamp.from(now));
                });
    }

    // Sending

    @TenantAgnostic("the sender looks for the companies that have messages due; it then works per company")
    public List<TenantId> dueTenants(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList("select distinct tenant_id from outbox_message where status in ('PENDING', 'SENDING')"
                + " and next_attempt_at <= ? and (lease_until is null or lease_until < ?) limit ?", Long.class, at, at,
                limit).stream().map(TenantId::of).toList();
    }

    /** Moves the due messages of the company to a later time (the end of its quiet hours). */
    public int deferDue(TenantId tenant, Instant now, Instant until) {
        return jdbc.update("update outbox_message set next_attempt_at = ? where tenant_id = ? and status = 'PENDING'"
                + " and next_attempt_at <= ?", Timestamp.from(until), tenant.value(), Timestamp.from(now));
    }

    public List<Provider> dueProviders(TenantId tenant, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList("select distinct provider from outbox_message where tenant_id = ?"
                + " and status in ('PENDING', 'SENDING') and next_attempt_at <= ?"
                + " and (lease_until is null or lease_until < ?)", String.class, tenant.value(), at, at)
                .stream().map(Provider::valueOf).toList();
    }

    /** Due, unleased messages of the company at one provider: id and customer. */
    public List<long[]> candidates(TenantId tenant, Provider provider, Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("select id, customer_id from outbox_message where tenant_id = ? and provider = ?"
                + " and status in ('PENDING', 'SENDING') and next_attempt_at <= ?"
                + " and (lease_until is null or lease_until < ?) order by next_attempt_at, id limit ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, tenant.value(), provider.name(), at, at, limit);
    }

    /** Locks the customers' rows, in id order, until the transaction ends. */
    public void lockCustomers(TenantId tenant, List<Long> sortedIds) {
        for (List<Long> chunk : chunks(sortedIds)) {
            List<Object> args = new ArrayList<>();
            args.add(tenant.value());
            args.addAll(chunk);
            jdbc.queryForList("select id from customer where tenant_id = ? and id in (" + marks(chunk.size())
                    + ") order by id for update", Long.class, args.toArray());
        }
    }

    /**
     * Claims the messages whose lease is free: a conditional update per row, in one batch. Returns the ids claimed,
     * read back by this node's lease rather than from the batch's update counts (a driver that rewrites batches may
     * not report them per row).
     */
    public List<Long> claim(TenantId tenant, List<Long> ids, String owner, Instant leaseUntil, Instant now) {
        jdbc.batchUpdate("update outbox_message set status = 'SENDING', lease_owner = ?,"
                + " lease_until = ?, attempts = attempts + 1 where tenant_id = ? and id = ?"
                + " and status in ('PENDING', 'SENDING') and next_attempt_at <= ?"
                + " and (lease_until is null or lease_until < ?)", ids, ids.size(), (ps, id) -> {
                    ps.setString(1, owner);
                    ps.setTimestamp(2, Timestamp.from(leaseUntil));
                    ps.setLong(3, tenant.value());
                    ps.setLong(4, id);
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setTimestamp(6, Timestamp.from(now));
                });
        List<Long> claimed = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            List<Object> args = new ArrayList<>();
            args.add(tenant.value());
            args.add(owner);
            args.addAll(chunk);
            claimed.addAll(jdbc.queryForList("select id from outbox_message where tenant_id = ? and lease_owner = ?"
                    + " and status = 'SENDING' and id in (" + marks(chunk.size()) + ") order by id", Long.class,
                    args.toArray()));
        }
        return claimed;
    }

    /**
     * Extends this node's lease on the messages it still holds (claimed and not yet settled) to {@code until};
     * returns the ids it still holds. A message whose lease another node took over after it ran out is not among
     * them, and must not be sent by this node.
     */
    public List<Long> renewLease(TenantId tenant, List<Long> ids, String owner, Instant until) {
        List<Long> held = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            List<Object> args = new ArrayList<>();
            args.add(Timestamp.from(until));
            args.add(tenant.value());
            args.add(owner);
            args.addAll(chunk);
            jdbc.update("update outbox_message set lease_until = ? where tenant_id = ? and lease_owner = ?"
                    + " and status = 'SENDING' and id in (" + marks(chunk.size()) + ")", args.toArray());
            args.removeFirst();
            held.addAll(jdbc.queryForList("select id from outbox_message where tenant_id = ? and lease_owner = ?"
                    + " and status = 'SENDING' and id in (" + marks(chunk.size()) + ") order by id", Long.class,
                    args.toArray()));
        }
        return held;
    }

    /** A claimed message with everything its sending needs. */
    public record Claimed(long id, long campaignId, int step, ChannelKind channel, long customerId, Provider provider,
            @Nullable String couponCode, @Nullable Instant countedAt, int attempts, @Nullable String name,
            @Nullable String phone, @Nullable String email, boolean consent, @Nullable String language) {

        public @Nullable String address() {
            String a = channel == ChannelKind.SMS ? phone : email;
            return a == null || a.isBlank() ? null : a;
        }
    }

    public List<Claimed> claimed(TenantId tenant, List<Long> ids) {
        List<Claimed> all = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            List<Object> args = new ArrayList<>();
            args.add(tenant.value());
            args.addAll(chunk);
            jdbc.query("""
                    select m.id, m.campaign_id, m.step, m.channel, m.customer_id, m.provider, m.coupon_code,
                           m.counted_at, m.attempts, c.name, c.phone, c.email, coalesce(mc.granted, false),
                           (select min(a.attr_value) from customer_attribute a where a.tenant_id = c.tenant_id
                             and a.customer_id = c.id and a.name in ('language', 'Language', '语言'))
                      from outbox_message m
                      join customer c on c.tenant_id = m.tenant_id and c.id = m.customer_id
                      left join marketing_consent mc on mc.tenant_id = m.tenant_id and mc.customer_id = m.customer_id
                           and mc.channel = m.channel
                     where m.tenant_id = ? and m.id in (""" + marks(chunk.size()) + ") order by m.customer_id, m.id",
                    rs -> {
                        Timestamp counted = rs.getTimestamp(8);
                        all.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                                ChannelKind.valueOf(rs.getString(4)), rs.getLong(5), Provider.valueOf(rs.getString(6)),
                                rs.getString(7), counted == null ? null : counted.toInstant(), rs.getInt(9),
                                rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                                rs.getString(14)));
                    }, args.toArray());
        }
        return all;
    }

    public void hold(TenantId tenant, long id, HoldReason reason) {
        jdbc.update("update outbox_message set status = 'HELD', hold_reason = ?, lease_owner = null,"
                + " lease_until = null where tenant_id = ? and id = ?", reason.name(), tenant.value(), id);
    }

    /** Counts the messages as their customers' marketing messages of the week (the frequency cap), in one batch. */
    public void markCounted(TenantId tenant, List<Long> ids, Instant now) {
        jdbc.batchUpdate("update outbox_message set counted_at = ? where tenant_id = ? and id = ?"
                + " and counted_at is null", ids, 1000, (ps, id) -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, tenant.value());
                    ps.setLong(3, id);
                });
    }

    /** What a batch's messages share. */
    public record Batch(long templateId, @Nullable String couponValueZh, @Nullable String couponValueEn,
            @Nullable LocalDate couponExpiry, @Nullable String segmentZh, @Nullable String segmentEn,
            @Nullable String link) {
    }

    public Optional<Batch> batch(TenantId tenant, long campaignId, int step, ChannelKind channel) {
        return jdbc.query("select template_id, coupon_value_zh, coupon_value_en, coupon_expiry, segment_zh,"
                + " segment_en, link from outbox_batch where tenant_id = ? and campaign_id = ? and step = ? and channel = ?",
                (rs, i) -> new Batch(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5),
                        rs.getString(6), rs.getString(7)), tenant.value(), campaignId, step, channel.name()).stream().findFirst();
    }

    /** The provider accepted the message (only while this node still holds its lease). */
    public void markSent(TenantId tenant, long id, String owner, @Nullable String providerMessageId, Instant now) {
        jdbc.update("update outbox_message set status = 'SENT', sent_at = ?, provider_message_id = ?,"
                + " error_code = null, error_detail = null, lease_owner = null, lease_until = null"
                + " where tenant_id = ? and id = ? and lease_owner = ?", Timestamp.from(now), providerMessageId,
                tenant.value(), id, owner);
    }

    /** A temporary failure: tried again at {@code next}. */
    public void markRetry(TenantId tenant, long id, String owner, String code, @Nullable String detail,
            Instant next) {
        jdbc.update("update outbox_message set status = 'PENDING', next_attempt_at = ?, error_code = ?,"
                + " error_detail = ?, lease_owner = null, lease_until = null where tenant_id = ? and id = ?"
                + " and lease_owner = ?", Timestamp.from(next), code, cut(detail), tenant.value(), id, owner);
    }

    public void markFailed(TenantId tenant, long id, String owner, String code, @Nullable String detail,
            Instant now) {
        jdbc.update("update outbox_message set status = 'FAILED', failed_at = ?, error_code = ?, error_detail = ?,"
                + " lease_owner = null, lease_until = null where tenant_id = ? and id = ? and lease_owner = ?",
                Timestamp.from(now), code, cut(detail), tenant.value(), id, owner);
    }

    // Tracked links

    /** The message's tracked link (a retry replaces the token of the try before). */
    public void saveLink(TenantId tenant, String tokenHash, long messageId, String target) {
        jdbc.update("delete from tracked_link where tenant_id = ? and message_id = ?", tenant.value(), messageId);
        jdbc.update("insert into tracked_link (token_hash, tenant_id, message_id, target) values (?, ?, ?, ?)",
                tokenHash, tenant.value(), messageId, target);
    }

    /** A link's company and target, by its token. */
    public record Link(TenantId tenant, long messageId, String target) {
    }

    @TenantAgnostic("a tracked link is opened without login: its secret token is all it carries and names its tenant")
    public Optional<Link> link(String tokenHash) {
        return jdbc.query("select tenant_id, message_id, target from tracked_link where token_hash = ?",
                (rs, i) -> new Link(TenantId.of(rs.getLong(1)), rs.getLong(2), rs.getString(3)), tokenHash).stream()
                .findFirst();
    }

    public void countClick(TenantId tenant, String tokenHash, Instant now) {
        jdbc.update("update tracked_link set clicks = clicks + 1, first_click_at = coalesce(first_click_at, ?)"
                + " where tenant_id = ? and token_hash = ?", Timestamp.from(now), tenant.value(), tokenHash);
    }

    // Rate windows

    /**
     * Takes up to {@code wanted} of the {@code limit} messages per second of a scope, in the current one-second
     * window shared by all nodes; returns how many were granted.
     */
    @TenantAgnostic("a provider's rate is shared by all companies; a company's scope names its tenant")
    public int takeRate(String scope, int limit, int wanted, Instant now) {
        Instant window = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // A window more than RATE_SKEW ahead of this one was not opened by a clock in step with this node's (a clock
        // that jumped back, or one set ahead): it is stale as well, or its count would hold this node back until that
        // time comes, for hours or days.
        if (jdbc.update("update delivery_rate set window_start = ?, used = 0 where scope = ?"
                + " and (window_start < ? or window_start > ?)", Timestamp.from(window), scope, Timestamp.from(window),
                Timestamp.from(window.plus(RATE_SKEW))) == 0) {
            try {
                jdbc.update("insert into delivery_rate (scope, window_start, used) values (?, ?, 0)", scope,
                        Timestamp.from(window));
            } catch (DuplicateKeyException exists) {
                // another node created it, or it is in this window already
            }
        }
        Integer used = jdbc.queryForObject("select used from delivery_rate where scope = ? for update", Integer.class,
                scope);
        int granted = Math.max(0, Math.min(wanted, limit - (used == null ? 0 : used)));
        if (granted > 0) {
            jdbc.update("update delivery_rate set used = used + ? where scope = ?", granted, scope);
        }
        return granted;
    }

    // Reading

    /** Messages of a campaign per channel and status (HELD per reason): channel, status, reason, count. */
    public List<Object[]> statusCounts(TenantId tenant, long campaignId) {
        return jdbc.query("select channel, status, hold_reason, count(*) from outbox_message where tenant_id = ?"
                + " and campaign_id = ? group by channel, status, hold_reason", (rs, i) -> new Object[] {
                    ChannelKind.valueOf(rs.getString(1)), MessageStatus.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getInt(4)}, tenant.value(), campaignId);
    }

    /** Unsubscribes per channel by customers who got one of the campaign's messages, after it was sent. */
    public Map<ChannelKind, Integer> unsubscribesAfter(TenantId tenant, long campaignId) {
        Map<ChannelKind, Integer> counts = new HashMap<>();
        jdbc.query("select m.channel, count(distinct m.customer_id) from outbox_message m join marketing_consent mc"
                + " on mc.tenant_id = m.tenant_id and mc.customer_id = m.customer_id and mc.channel = m.channel"
                + " where m.tenant_id = ? and m.campaign_id = ? and m.sent_at is not null and mc.granted = false"
                + " and mc.changed_at >= m.sent_at and mc.source in ('LINK', 'REPLY') group by m.channel", rs -> {
                    counts.put(ChannelKind.valueOf(rs.getString(1)), rs.getInt(2));
                }, tenant.value(), campaignId);
        return counts;
    }

    /** Customers per channel who clicked a tracked link of one of the campaign's messages. */
    public Map<ChannelKind, Integer> clicks(TenantId tenant, long campaignId) {
        Map<ChannelKind, Integer> counts = new HashMap<>();
        jdbc.query("select m.channel, count(*) from tracked_link l join outbox_message m on m.tenant_id = l.tenant_id"
                + " and m.id = l.message_id where l.tenant_id = ? and m.campaign_id = ? and l.clicks > 0"
                + " group by m.channel", rs -> {
                    counts.put(ChannelKind.valueOf(rs.getString(1)), rs.getInt(2));
                }, tenant.value(), campaignId);
        return counts;
    }

    public List<SentMessage> ofCustomer(TenantId tenant, long customerId, int limit) {
        return jdbc.query("select id, campaign_id, step, channel, status, hold_reason, coupon_code, created_at,"
                + " sent_at, error_code from outbox_message where tenant_id = ? and customer_id = ?"
                + " order by created_at desc, id desc limit ?", (rs, i) -> new SentMessage(rs.getLong(1),
                        rs.getLong(2), rs.getInt(3), ChannelKind.valueOf(rs.getString(4)),
                        MessageStatus.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : HoldReason.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10)),
                tenant.value(), customerId, limit);
    }

    private static @Nullable String cut(@Nullable String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }
}
