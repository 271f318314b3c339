package com.tierpilot.delivery;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.delivery.persistence.MessageTemplateRepository;
import com.tierpilot.delivery.persistence.OutboxRepository;
import com.tierpilot.delivery.persistence.OutboxRepository.Claimed;
import com.tierpilot.tenant.TenantProfile;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox; every node runs one, and they share the work through the database.
 *
 * <p>A round takes the companies with messages due. For each: in its quiet hours (its own time zone) the due messages
 * move to the end of them (09:00 by default) and wait; otherwise, per provider, it takes what the company's and the
 * provider's rates leave in this second (windows shared by all nodes), locks the customers of the candidate messages
 * (in id order), claims the messages whose lease is free (a conditional update: two nodes never hold one message),
 * checks again consent and suppression, and the frequency cap: a customer who had the company's weekly cap of
 * marketing messages in the 7 days before gets none, and the message is held. Only then, outside any transaction,
 * are the messages sent; the answer is recorded only while the lease is still this node's. A temporary failure is
 * tried again later (1, 4, 16, 64 minutes by default), a permanent one never; an e-mail address refused for good is
 * suppressed as bounced.
 *
 * <p>A node killed mid-send leaves its messages claimed; once their lease ends another node takes them over and
 * sends them. A node that is slow (a slow provider, a long batch) renews its lease before a send once half of it has
 * gone by, and sends nothing that another node took over meanwhile ({@link Lease}). A message is sent twice only if
 * the node died between the provider's acceptance and the update that records it (milliseconds), a window that no
 * outbox can close without the provider's help.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** How many times a take of rate is tried when the database ends it for a lock conflict. */
    private static final int RATE_ATTEMPTS = 5;
    private static final int TENANTS_PER_ROUND = 50;

    private final OutboxRepository store;
    private final MessageTemplateRepository templates;
    private final DeliverySettingsService settings;
    private final TenantService tenants;
    private final UnsubscribeService unsubscribes;
    private final MarketingConsentService consent;
    private final MessageComposer composer;
    private final Map<Provider, Channel<?>> channels = new EnumMap<>(Provider.class);
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SenderSettings config;

    OutboxSender(OutboxRepository store, MessageTemplateRepository templates, DeliverySettingsService settings, TenantService tenants,
            UnsubscribeService unsubscribes, MarketingConsentService consent, MessageComposer composer, List<Channel<?>> channels,
            PlatformTransactionManager transactions, Clock clock, SenderSettings config) {
        this.store = store;
        this.templates = templates;
        this.settings = settings;
        this.tenants = tenants;
        this.unsubscribes = unsubscribes;
        this.consent = consent;
        this.composer = composer;
        channels.forEach(c -> this.channels.put(c.provider(), c));
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.config = config;
    }

    /** A sender like this one that delivers through other channels (a test's SMTP server, a benchmark's sink). */
    public OutboxSender with(List<Channel<?>> others, SenderSettings settings) {
        List<Channel<?>> all = new ArrayList<>(channels.values());
        all.removeIf(c -> others.stream().anyMatch(o -> o.provider() == c.provider()));
        all.addAll(others);
        return new OutboxSender(store, templates, this.settings, tenants, unsubscribes, consent, composer, all,
                transaction.getTransactionManager(), clock, settings);
    }

    /** One round over the companies with messages due; returns how many messages it settled (sent, failed, held). */
    public int drainOnce() {
        Instant now = clock.instant();
        int settled = 0;
        for (TenantId tenant : store.dueTenants(now, TENANTS_PER_ROUND)) {
            try (var mdc = TenantLogContext.open(tenant)) {
                settled += drain(tenant, now);
            }
        }
        return settled;
    }

    private int drain(TenantId tenant, Instant now) {
        TenantProfile company = tenants.profile(tenant);
        DeliveryRules rules = settings.rules(tenant);
        ZoneId zone = company.timeZone();
        if (rules.isQuiet(now.atZone(zone).toLocalTime())) {
            Instant morning = quietEnd(rules, now, zone);
            int deferred = transaction.execute(s -> store.deferDue(tenant, now, morning));
            if (deferred > 0) {
                log.info("{} messages wait for the end of quiet hours, {}", deferred, morning);
            }
            return 0;
        }
        int settled = 0;
        for (Provider provider : store.dueProviders(tenant, now)) {
            int room = takeRate("tenant:" + tenant.value(), config.perCompanyRate(), config.batchSize(), now);
            if (room == 0) {
                break;
            }
            int granted = takeRate("provider:" + provider.name(), config.providerRate(provider), room, now);
            if (granted > 0) {
                settled += sendBatch(tenant, company, rules, provider, granted, now);
            }
        }
        return settled;
    }

    /**
     * Takes rate from a scope's window shared by all nodes, in a transaction of its own. When nodes create a scope's
     * row at the same moment, InnoDB may pick one of them as a deadlock victim: that is a normal answer of the
     * database, and the take is simply tried again (a few times, then the error goes up and the round ends).
     */
    private int takeRate(String scope, int limit, int wanted, Instant now) {
        for (int attempt = 1;; attempt++) {
            try {
                Integer granted = transaction.execute(s -> store.takeRate(scope, limit, wanted, now));
                return granted == null ? 0 : granted;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == RATE_ATTEMPTS) {
                    throw deadlock;
                }
                log.debug("Rate of {} taken again after a lock conflict (attempt {})", scope, attempt);
            }
        }
    }

    /** The end of the quiet hours that {@code now} lies in, in the company's zone. */
    static Instant quietEnd(DeliveryRules rules, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (rules.quietStart().isAfter(rules.quietEnd()) && !local.toLocalTime().isBefore(rules.quietStart())) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, rules.quietEnd(), zone).toInstant();
    }

    private int sendBatch(TenantId tenant, TenantProfile company, DeliveryRules rules, Provider provider, int limit,
            Instant roundStart) {
        // The lease counts from the claim, not from the round's start: a round over many companies takes a while.
        Instant claimedAt = latest(roundStart, clock.instant());
        List<Claimed> toSend = transaction.execute(s -> claim(tenant, rules, provider, limit, claimedAt));
        int settled = 0;
        Map<Long, MessageTemplate> templateCache = new HashMap<>();
        Map<String, OutboxRepository.Batch> batches = new HashMap<>();
        ProviderAccount account = account(tenant, company, provider);
        var lease = new Lease(tenant, toSend, claimedAt.plus(config.lease()));
        if (account == null) {
            for (Claimed m : toSend) {
                store.markFailed(tenant, m.id(), config.nodeId(), "NO_PROVIDER_ACCOUNT",
                        "no " + provider + " account in the delivery settings", clock.instant());
            }
            return toSend.size();
        }
        // The e-mails' unsubscribe links, written for the whole batch at once.
        List<Claimed> emails = toSend.stream().filter(m -> m.channel() == ChannelKind.EMAIL).toList();
        Map<Long, String> unsubscribeTokens = new HashMap<>();
        List<String> tokens = unsubscribes.newTokens(tenant, emails.stream().map(Claimed::customerId).toList(),
                ChannelKind.EMAIL);
        for (int i = 0; i < emails.size(); i++) {
            unsubscribeTokens.put(emails.get(i).id(), tokens.get(i));
        }
        try (Channel.Session<?> session = channels.get(account.provider()).open(account)) {
            for (int i = 0; i < toSend.size(); i++) {
                Claimed m = toSend.get(i);
                if (!lease.stillHeld(i, clock.instant())) {
                    log.warn("Message {} was taken over by another node after this node's lease ran out;"
                            + " not sent here", m.id());
                    continue;
                }
                settled++;
                OutboxRepository.Batch batch = batches.computeIfAbsent(
                        m.campaignId() + "/" + m.step() + "/" + m.channel(),
                        k -> store.batch(tenant, m.campaignId(), m.step(), m.channel()).orElseThrow());
                MessageTemplate template = templateCache.computeIfAbsent(batch.templateId(),
                        id -> templates.find(tenant, id).orElseThrow());
                send(tenant, session, m, batch, template, unsubscribeTokens.get(m.id()));
            }
        }
        return settled;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * This node's lease on a batch's messages while it sends them one after the other. Before each send, when half
     * of the lease has gone by (a slow provider, a long batch), the lease of the messages not yet sent is renewed in
     * one conditional update; a message that another node took over meanwhile (the lease had run out, e.g. the node
     * stalled) is not sent again here. A send therefore always starts with at least half a lease to go, far more
     * than a provider's time-out.
     */
    private final class Lease {

        private final TenantId tenant;
        private final List<Claimed> batch;
        private Instant until;
        private @org.jspecify.annotations.Nullable Set<Long> held;

        Lease(TenantId tenant, List<Claimed> batch, Instant until) {
            this.tenant = tenant;
            this.batch = batch;
            this.until = until;
        }

        boolean stillHeld(int index, Instant now) {
            if (!now.isBefore(until.minus(config.lease().dividedBy(2)))) {
                List<Long> rest = batch.subList(index, batch.size()).stream().map(Claimed::id).toList();
                until = now.plus(config.lease());
                held = new java.util.HashSet<>(store.renewLease(tenant, rest, config.nodeId(), until));
            }
            return held == null || held.contains(batch.get(index).id());
        }
    }

    private List<Claimed> claim(TenantId tenant, DeliveryRules rules, Provider provider, int limit, Instant now) {
        List<long[]> candidates = store.candidates(tenant, provider, now, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<Long> customers = new TreeSet<>();
        candidates.forEach(c -> customers.add(c[1]));
        store.lockCustomers(tenant, new ArrayList<>(customers));
        List<Long> claimedIds = store.claim(tenant, candidates.stream().map(c -> c[0]).toList(), config.nodeId(),
                now.plus(config.lease()), now);
        if (claimedIds.isEmpty()) {
            return List.of();
        }
        List<Claimed> claimed = store.claimed(tenant, claimedIds);
        Map<Long, Integer> counted = store.countedSince(tenant, customers, now.minus(java.time.Duration.ofDays(7)));
        Map<ChannelKind, Set<String>> suppressed = new EnumMap<>(ChannelKind.class);
        List<Claimed> toSend = new ArrayList<>();
        List<Long> countNow = new ArrayList<>();
        for (Claimed m : claimed) {
            String address = m.address();
            HoldReason hold = null;
            if (address == null) {
                hold = HoldReason.NO_ADDRESS;
            } else if (!m.consent()) {
                hold = HoldReason.NO_CONSENT;
            } else if (suppressed.computeIfAbsent(m.channel(), ch -> store.suppressed(tenant, ch))
                    .contains(Suppression.normalize(m.channel(), address))) {
                hold = HoldReason.SUPPRESSED;
            } else if (m.countedAt() == null) {
                int had = counted.getOrDefault(m.customerId(), 0);
                if (had >= rules.weeklyCap()) {
                    hold = HoldReason.FREQUENCY_CAP;
                } else {
                    counted.put(m.customerId(), had + 1);
                    countNow.add(m.id());
                }
            }
            if (hold != null) {
                store.hold(tenant, m.id(), hold);
            } else {
                toSend.add(m);
            }
        }
        store.markCounted(tenant, countNow, now);
        return toSend;
    }

    private @org.jspecify.annotations.Nullable ProviderAccount account(TenantId tenant, TenantProfile company,
            Provider provider) {
        if (provider == Provider.SMTP_EMAIL) {
            return new ProviderAccount(provider, "", "", company.name(), null, "");
        }
        return settings.account(tenant, provider).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private void send(TenantId tenant, Channel.Session<?> session, Claimed m, OutboxRepository.Batch batch,
            MessageTemplate template, @org.jspecify.annotations.Nullable String unsubscribeToken) {
        String language = MessageComposer.language(m.language());
        MessageTemplate.Text text = template.textFor(language);
        String link = batch.link();
        if (link != null && !link.isBlank()) {
            String token = com.tierpilot.base.SecretTokens.newToken("");
            store.saveLink(tenant, com.tierpilot.base.SecretTokens.hash(token), m.id(), link);
            link = composer.linkUrl(token);
        }
        MergeFields fields = MessageComposer.fields(text.language(), m.name(), m.couponCode(), batch.couponValueZh(),
                batch.couponValueEn(), batch.couponExpiry(), batch.segmentZh(), batch.segmentEn(), link);
        SendResult result;
        try {
            if (m.channel() == ChannelKind.EMAIL) {
                EmailMessage email = composer.email(text, fields, m.address(),
                        composer.unsubscribeUrl(java.util.Objects.requireNonNull(unsubscribeToken)), "tp" + m.id());
                result = ((Channel.Session<EmailMessage>) session).send(email);
            } else {
                SmsMessage sms = MessageComposer.sms(text, fields, m.address(), "tp" + m.id());
                result = ((Channel.Session<SmsMessage>) session).send(sms);
            }
        } catch (RuntimeException e) {
            log.error("Message {} could not be composed or sent", m.id(), e);
            result = SendResult.permanent("COMPOSE", e.getMessage());
        }
        Instant at = clock.instant();
        switch (result.outcome()) {
            case ACCEPTED -> store.markSent(tenant, m.id(), config.nodeId(), result.providerMessageId(), at);
            case TEMPORARY_FAILURE -> {
                if (m.attempts() >= config.maxAttempts()) {
                    store.markFailed(tenant, m.id(), config.nodeId(), result.code(), result.detail(), at);
                    log.warn("Message {} failed after {} tries: {} {}", m.id(), m.attempts(), result.code(),
                            result.detail());
                } else {
                    store.markRetry(tenant, m.id(), config.nodeId(), result.code(), result.detail(),
                            at.plus(config.backoff(m.attempts())));
                }
            }
            case PERMANENT_FAILURE -> {
                store.markFailed(tenant, m.id(), config.nodeId(), result.code(), result.detail(), at);
                if (m.channel() == ChannelKind.EMAIL && result.code() != null && result.code().startsWith("SMTP_55")) {
                    consent.suppress(tenant, ChannelKind.EMAIL, m.address(), SuppressionReason.BOUNCED,
                            ConsentSource.PROVIDER);
                }
                log.warn("Message {} failed for good: {} {}", m.id(), result.code(), result.detail());
            }
        }
    }
}
