package com.tierpilot.delivery;

import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantId;
import com.tierpilot.delivery.persistence.ConsentRepository;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unsubscribing without login: the random link of each e-mail (its token reveals neither the company nor the
 * customer; only its SHA-256 is stored) and the customers' SMS replies, reported by the provider to the company's
 * secret callback address or imported. Both are idempotent: the second click or reply changes nothing.
 */
@Service
@Transactional
public class UnsubscribeService {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeService.class);
    /** Replies that mean "stop": the providers' and the industry's usual unsubscribe words. */
    static final Set<String> STOP_WORDS = Set.of("T", "TD", "N", "0000", "退订", "退", "STOP", "UNSUBSCRIBE");

    private final ConsentRepository store;
    private final MarketingConsentService consent;
    private final TenantService tenants;
    private final Clock clock;

    UnsubscribeService(ConsentRepository store, MarketingConsentService consent, TenantService tenants, Clock clock) {
        this.store = store;
        this.consent = consent;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A new unsubscribe token for one customer and channel, for the link in a message. */
    public String newToken(TenantId tenant, long customerId, ChannelKind channel) {
        String token = SecretTokens.newToken("");
        store.saveToken(tenant, SecretTokens.hash(token), customerId, channel, clock.instant());
        return token;
    }

    /**
     * New unsubscribe tokens for the messages of a batch, one per message (in the order of {@code customerIds}, which
     * may name a customer twice), written in one statement.
     */
    public List<String> newTokens(TenantId tenant, List<Long> customerIds, ChannelKind channel) {
        List<String> tokens = new java.util.ArrayList<>(customerIds.size());
        List<java.util.Map.Entry<Long, String>> hashes = new java.util.ArrayList<>(customerIds.size());
        for (long customer : customerIds) {
            String token = SecretTokens.newToken("");
            tokens.add(token);
            hashes.add(java.util.Map.entry(customer, SecretTokens.hash(token)));
        }
        if (!hashes.isEmpty()) {
            store.saveTokens(tenant, hashes, channel, clock.instant());
        }
        return tokens;
    }

    /** What an unsubscribe page shows: whose messages, and whether this link was used already. */
    public record LinkPage(String company, ChannelKind channel, boolean alreadyUnsubscribed) {
    }

    @Transactional(readOnly = true)
    public Optional<LinkPage> page(String token) {
        return store.tokenOwner(SecretTokens.hash(token)).map(o -> new LinkPage(tenants.profile(o.tenant()).name(),
                o.channel(), o.usedAt() != null));
    }

    /** Unsubscribes the link's customer from the link's channel; empty for an unknown token. */
    public Optional<LinkPage> unsubscribe(String token) {
        String hash = SecretTokens.hash(token);
        return store.tokenOwner(hash).map(o -> {
            consent.unsubscribe(o.tenant(), o.customerId(), o.channel(), ConsentSource.LINK);
            store.markUsed(o.tenant(), hash, clock.instant());
            return new LinkPage(tenants.profile(o.tenant()).name(), o.channel(), true);
        });
    }

    /** One SMS a customer sent back. */
    public record Reply(String phone, String text) {
    }

    /**
     * Handles replies reported to a company's callback address: each stop word unsubscribes every customer of the
     * company with that number and suppresses the number. Returns how many replies were stop words, or empty for an
     * unknown address.
     */
    public Optional<Integer> handleReplies(String hookToken, List<Reply> replies) {
        return store.replyHookTenant(SecretTokens.hash(hookToken)).map(tenant -> applyReplies(tenant, replies));
    }

    /** Imports replies exported from a provider's console: the same handling as the callback. */
    @PreAuthorize("hasRole('OWNER')")
    public int importReplies(TenantId tenant, List<Reply> replies) {
        return applyReplies(tenant, replies);
    }

    private int applyReplies(TenantId tenant, List<Reply> replies) {
        int stops = 0;
        for (Reply reply : replies) {
            if (!isStop(reply.text())) {
                continue;
            }
            stops++;
            String number = Suppression.normalize(ChannelKind.SMS, reply.phone());
            for (long customer : store.customersByPhone(tenant, number)) {
                consent.unsubscribe(tenant, customer, ChannelKind.SMS, ConsentSource.REPLY);
            }
            store.suppress(tenant, ChannelKind.SMS, number, SuppressionReason.UNSUBSCRIBED, ConsentSource.REPLY,
                    clock.instant());
        }
        log.info("{} of {} SMS replies were unsubscribes", stops, replies.size());
        return stops;
    }

    static boolean isStop(String text) {
        return STOP_WORDS.contains(text.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * A new secret callback address for the providers' reply reports (the old one stops working); shown once.
     *
     * @return the path, e.g. {@code /hooks/sms/replies/<token>}
     */
    @PreAuthorize("hasRole('OWNER')")
    public String newReplyHook(TenantId tenant) {
        String token = SecretTokens.newToken("");
        store.saveReplyHook(tenant, SecretTokens.hash(token), clock.instant());
        return "/hooks/sms/replies/" + token;
    }

    @Transactional(readOnly = true)
    public Optional<Instant> replyHookCreated(TenantId tenant) {
        return store.replyHookCreated(tenant);
    }
}
