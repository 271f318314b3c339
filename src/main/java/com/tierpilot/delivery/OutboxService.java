package com.tierpilot.delivery;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.delivery.CampaignMessages.Recipient;
import com.tierpilot.delivery.persistence.OutboxRepository;
import com.tierpilot.delivery.persistence.OutboxRepository.NewMessage;
import com.tierpilot.delivery.persistence.OutboxRepository.Reach;
import com.tierpilot.delivery.persistence.MessageTemplateRepository;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of campaign messages. A campaign's launch hands over each step's messages per channel ({@link #enqueue}),
 * in the launch's transaction: one row per target member (the control group is never handed over), held back with
 * its reason when the member has no consent on the channel, no address, or a suppressed one; the others wait for the
 * {@link OutboxSender}, until the end of quiet hours if the launch falls in them. {@link #forecast} counts the same
 * before launch, with the frequency cap and the SMS cost.
 */
@Service
@Transactional
public class OutboxService {

    private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

    private final OutboxRepository store;
    private final MessageTemplateRepository templates;
    private final DeliverySettingsService settings;
    private final TenantService tenants;
    private final Clock clock;

    OutboxService(OutboxRepository store, MessageTemplateRepository templates, DeliverySettingsService settings, TenantService tenants,
            Clock clock) {
        this.store = store;
        this.templates = templates;
        this.settings = settings;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Writes the messages of one campaign step on one channel; a second call for the same step and channel writes
     * nothing (the launch's retry). Returns what the rules did to the members.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public HoldBack enqueue(TenantId tenant, CampaignMessages messages) {
        MessageTemplate template = template(tenant, messages.templateId(), messages.channel());
        DeliveryRules rules = settings.rules(tenant);
        Provider provider = provider(rules, messages.channel());
        Instant now = clock.instant();
        Map<Long, @Nullable String> codes = new java.util.HashMap<>();
        messages.recipients().forEach(r -> codes.put(r.customerId(), r.couponCode()));
        Decision decision = decide(tenant, messages.channel(), codes.keySet(), rules, now, false);
        if (!store.insertBatch(tenant, messages, provider, now)) {
            log.info("Campaign {} step {} {}: handed over already", messages.campaignId(), messages.step(),
                    messages.channel());
            return decision.holdBack(smsParts(tenant, template, rules), rules);
        }
        List<NewMessage> rows = new ArrayList<>(codes.size());
        for (Recipient r : messages.recipients()) {
            HoldReason hold = decision.holds().get(r.customerId());
            rows.add(new NewMessage(r.customerId(), r.couponCode(),
                    hold == null ? MessageStatus.PENDING : MessageStatus.HELD, hold));
        }
        Instant sendAt = decision.quiet() ? OutboxSender.quietEnd(rules, now, decision.zone()) : now;
        store.insertMessages(tenant, messages, provider, rows, sendAt, now);
        HoldBack result = decision.holdBack(smsParts(tenant, template, rules), rules);
        log.info("Campaign {} step {} {}: {} messages to send from {}, {} held back", messages.campaignId(),
                messages.step(), messages.channel(), result.toSend(), sendAt, rows.size() - result.toSend());
        return result;
    }

    /**
     * What the rules would do to these target members on a channel if the campaign launched now: the launch screen's
     * counts, with the frequency cap as it stands and the SMS cost estimate.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public HoldBack forecast(TenantId tenant, ChannelKind channel, long templateId, Collection<Long> targets) {
        MessageTemplate template = template(tenant, templateId, channel);
        DeliveryRules rules = settings.rules(tenant);
        return decide(tenant, channel, targets, rules, clock.instant(), true)
                .holdBack(smsParts(tenant, template, rules), rules);
    }

    private record Decision(ChannelKind channel, int targets, Map<Long, HoldReason> holds, boolean quiet,
            ZoneId zone) {

        HoldBack holdBack(int smsParts, DeliveryRules rules) {
            Map<HoldReason, Long> by = holds.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            int toSend = targets - holds.size();
            int parts = 0;
            BigDecimal cost = BigDecimal.ZERO;
            if (channel == ChannelKind.SMS) {
                parts = smsParts;
                cost = rules.smsPricePerPart().multiply(BigDecimal.valueOf((long) toSend * parts));
            }
            return new HoldBack(channel, targets, toSend, by.getOrDefault(HoldReason.NO_CONSENT, 0L).intValue(),
                    by.getOrDefault(HoldReason.SUPPRESSED, 0L).intValue(),
                    by.getOrDefault(HoldReason.NO_ADDRESS, 0L).intValue(),
                    by.getOrDefault(HoldReason.FREQUENCY_CAP, 0L).intValue(), quiet ? toSend : 0, parts, cost);
        }
    }

    private Decision decide(TenantId tenant, ChannelKind channel, Collection<Long> targets, DeliveryRules rules,
            Instant now, boolean withCap) {
        Set<String> suppressed = store.suppressed(tenant, channel);
        Map<Long, HoldReason> holds = new java.util.HashMap<>();
        List<Long> reachable = new ArrayList<>();
        for (Reach r : store.reach(tenant, channel, targets)) {
            if (r.address() == null || r.address().isBlank()) {
                holds.put(r.customerId(), HoldReason.NO_ADDRESS);
            } else if (!r.consent()) {
                holds.put(r.customerId(), HoldReason.NO_CONSENT);
            } else if (suppressed.contains(Suppression.normalize(channel, r.address()))) {
                holds.put(r.customerId(), HoldReason.SUPPRESSED);
            } else {
                reachable.add(r.customerId());
            }
        }
        if (withCap) {
            Map<Long, Integer> counted = store.countedSince(tenant, reachable, now.minus(Duration.ofDays(7)));
            counted.forEach((customer, n) -> {
                if (n >= rules.weeklyCap()) {
                    holds.put(customer, HoldReason.FREQUENCY_CAP);
                }
            });
        }
        ZoneId zone = tenants.profile(tenant).timeZone();
        return new Decision(channel, targets.size(), holds, rules.isQuiet(now.atZone(zone).toLocalTime()), zone);
    }

    /** Parts of the longest text of the template, as the providers bill (sign name and unsubscribe phrase included). */
    private int smsParts(TenantId tenant, MessageTemplate template, DeliveryRules rules) {
        if (template.channel() != ChannelKind.SMS) {
            return 0;
        }
        String sign = settings.smsSignName(tenant, rules);
        int parts = 0;
        for (MessageTemplate.Text text : template.texts().values()) {
            MergeFields sample = new MergeFields("王小明", "WB7K2Q9XH3", "满200减20", "2026年12月31日", "", "");
            parts = Math.max(parts, SmsLength.mainland(MessageComposer.smsText(text, sample, sign,
                    rules.unsubscribeText())).parts());
        }
        return parts;
    }

    private MessageTemplate template(TenantId tenant, long templateId, ChannelKind channel) {
        MessageTemplate template = templates.find(tenant, templateId)
                .orElseThrow(() -> new NotFoundException("template"));
        if (template.channel() != channel) {
            throw new UserFacingException("outbox.error.templateChannel");
        }
        if (template.texts().isEmpty()) {
            throw new UserFacingException("outbox.error.templateEmpty");
        }
        return template;
    }

    private static Provider provider(DeliveryRules rules, ChannelKind channel) {
        if (channel == ChannelKind.EMAIL) {
            return Provider.SMTP_EMAIL;
        }
        if (rules.smsProvider() == null) {
            throw new UserFacingException("outbox.error.noSmsProvider");
        }
        return rules.smsProvider();
    }

    /** A campaign's delivery per channel, for its results page. */
    @Transactional(readOnly = true)
    public List<ChannelResults> results(TenantId tenant, long campaignId) {
        Map<ChannelKind, int[]> counts = new EnumMap<>(ChannelKind.class);
        for (Object[] row : store.statusCounts(tenant, campaignId)) {
            int[] c = counts.computeIfAbsent((ChannelKind) row[0], k -> new int[5]);
            int n = (Integer) row[3];
            switch ((MessageStatus) row[1]) {
                case PENDING, SENDING -> c[0] += n;
                case SENT -> c[1] += n;
                case DELIVERED -> {
                    c[1] += n;
                    c[2] += n;
                }
                case FAILED -> c[3] += n;
                case HELD -> c[4] += n;
            }
        }
        Map<ChannelKind, Integer> unsubscribes = store.unsubscribesAfter(tenant, campaignId);
        Map<ChannelKind, Integer> clicks = store.clicks(tenant, campaignId);
        return counts.entrySet().stream().map(e -> new ChannelResults(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], e.getValue()[4], clicks.getOrDefault(e.getKey(), 0),
                unsubscribes.getOrDefault(e.getKey(), 0))).toList();
    }

    /**
     * A click on a tracked link: counted, and the campaign's link to redirect to; empty for an unknown token. Works
     * without login: the token is random and names neither the company nor the customer.
     */
    public java.util.Optional<String> click(String token) {
        String hash = com.tierpilot.base.SecretTokens.hash(token);
        return store.link(hash).map(link -> {
            store.countClick(link.tenant(), hash, clock.instant());
            return link.target();
        });
    }

    /** The campaign messages a customer got or was held back from, newest first. */
    @Transactional(readOnly = true)
    public List<SentMessage> ofCustomer(TenantId tenant, long customerId) {
        return store.ofCustomer(tenant, customerId, 200);
    }
}
