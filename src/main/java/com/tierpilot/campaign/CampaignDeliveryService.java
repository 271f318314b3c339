package com.tierpilot.campaign;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.campaign.persistence.CampaignRepository;
import com.tierpilot.delivery.CampaignMessages;
import com.tierpilot.delivery.ChannelResults;
import com.tierpilot.delivery.HoldBack;
import com.tierpilot.delivery.MessageTemplateService;
import com.tierpilot.delivery.OutboxService;
import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.AudienceService;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's messages: the channels and templates the marketer chose in the wizard, what the delivery rules would
 * hold back if it launched now (consent, suppression, quiet hours, the weekly cap) with the SMS cost, the hand-over of
 * the target members (never the control group), each with their own coupon code, to the outbox at launch, and the
 * delivery results per channel.
 */
@Service
@Transactional(readOnly = true)
public class CampaignDeliveryService {

    private final CampaignRepository store;
    private final OutboxService outbox;
    private final MessageTemplateService templates;
    private final AudienceService audiences;
    private final RuleSegmentService rules;
    private final TenantService tenants;
    private final MessageSource messages;

    CampaignDeliveryService(CampaignRepository store, OutboxService outbox, MessageTemplateService templates, AudienceService audiences,
            RuleSegmentService rules, TenantService tenants, MessageSource messages) {
        this.store = store;
        this.outbox = outbox;
        this.templates = templates;
        this.audiences = audiences;
        this.rules = rules;
        this.tenants = tenants;
        this.messages = messages;
    }

    /** Chooses the draft's channels, each with a template of that channel; an empty list sends nothing. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void choose(TenantId tenant, long campaignId, List<CampaignChannel> channels) {
        Campaign c = store.find(tenant, campaignId).orElseThrow(() -> new NotFoundException("campaign"));
        if (c.status() != CampaignStatus.DRAFT) {
            throw new UserFacingException("campaigns.error.notDraft");
        }
        var seen = EnumSet.noneOf(com.tierpilot.delivery.ChannelKind.class);
        for (CampaignChannel ch : channels) {
            if (!seen.add(ch.channel())) {
                throw new UserFacingException("campaigns.error.channelTwice");
            }
            if (templates.of(tenant, ch.channel()).stream().noneMatch(t -> t.id() == ch.templateId())) {
                throw new UserFacingException("campaigns.error.template");
            }
            if (ch.link() != null && !ch.link().isBlank() && !isWebLink(ch.link())) {
                throw new UserFacingException("campaigns.error.link");
            }
        }
        store.saveChannels(tenant, campaignId, channels.stream().map(ch -> new CampaignChannel(ch.channel(),
                ch.templateId(), ch.link() == null || ch.link().isBlank() ? null : ch.link().strip())).toList());
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && link.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public List<CampaignChannel> channels(TenantId tenant, long campaignId) {
        return store.channels(tenant, campaignId);
    }

    /**
     * For the launch screen: per chosen channel, how many target members would get a message if the campaign launched
     * now and how many each rule holds back, with the SMS cost estimate.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<HoldBack> forecast(TenantId tenant, long campaignId) {
        Campaign c = store.find(tenant, campaignId).orElseThrow(() -> new NotFoundException("campaign"));
        List<CampaignChannel> chosen = store.channels(tenant, campaignId);
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<Long> targets = new ArrayList<>();
        if (c.launchedAt() != null) {
            targets.addAll(store.targetMembers(tenant, campaignId));
        } else {
            audiences.forEachCustomer(tenant, new com.tierpilot.segmentation.AudienceQuery(c.include(), c.exclude(),
                    c.requiredRule()), customer -> {
                        if (!Holdout.isControl(campaignId, customer, c.holdoutPercent())) {
                            targets.add(customer);
                        }
                    });
        }
        return chosen.stream().map(ch -> outbox.forecast(tenant, ch.channel(), ch.templateId(), targets)).toList();
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<ChannelResults> results(TenantId tenant, long campaignId) {
        return outbox.results(tenant, campaignId);
    }

    /** Hands the target members' messages to the outbox, in the launch's transaction. */
    @Transactional
    void handOver(TenantId tenant, Campaign c, List<Long> targets, Map<Long, @Nullable String> codes) {
        List<CampaignChannel> chosen = store.channels(tenant, c.id());
        if (chosen.isEmpty()) {
            return;
        }
        var recipients = targets.stream().map(t -> new CampaignMessages.Recipient(t, codes.get(t))).toList();
        CouponTerms coupon = c.coupon();
        var expiry = coupon == null ? null
                : coupon.validTo().minusNanos(1).atZone(tenants.profile(tenant).timeZone()).toLocalDate();
        for (CampaignChannel ch : chosen) {
            outbox.enqueue(tenant, new CampaignMessages(c.id(), 1, ch.channel(), ch.templateId(),
                    coupon == null ? null : couponValue(coupon, SupportedLocales.CHINESE),
                    coupon == null ? null : couponValue(coupon, SupportedLocales.ENGLISH),
                    expiry, segments(tenant, c, SupportedLocales.CHINESE),
                    segments(tenant, c, SupportedLocales.ENGLISH), ch.link(), recipients));
        }
    }

    /** The coupon's value as a customer reads it: 8折 / 20% off, 20元 / 20 off, 满200减20 / 20 off 200. */
    static String couponValue(CouponTerms t, Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        String v = t.value().stripTrailingZeros().toPlainString();
        return switch (t.type()) {
            case PERCENT -> zh ? BigDecimal.valueOf(100).subtract(t.value()).divide(BigDecimal.TEN, 1,
                    RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "折" : v + "% off";
            case FIXED -> zh ? v + "元" : v + " off";
            case SPEND_SAVE -> {
                String x = t.spendThreshold() == null ? "0" : t.spendThreshold().stripTrailingZeros().toPlainString();
                yield zh ? "满" + x + "减" + v : v + " off " + x;
            }
        };
    }

    private String segments(TenantId tenant, Campaign c, Locale locale) {
        Map<String, String> ruleNames = rules.list(tenant).stream()
                .collect(Collectors.toMap(r -> r.key(), r -> r.name(), (a, b) -> a));
        String joined = c.include().stream().map(ref -> {
            int colon = ref.indexOf(':');
            String scheme = colon < 0 ? "" : ref.substring(0, colon);
            String key = ref.substring(colon + 1);
            try {
                return switch (scheme) {
                    case "RFM" -> messages.getMessage(RfmSegment.ofKey(key).messageKey(), null, locale);
                    case "ABC" -> messages.getMessage(AbcTier.valueOf(key).messageKey(), null, locale);
                    case "LIFECYCLE" -> messages.getMessage(LifecycleStage.ofKey(key).messageKey(), null, locale);
                    case "GRADE" -> messages.getMessage("campaigns.scheme.GRADE", null, locale) + " " + key;
                    default -> ruleNames.getOrDefault(key, key);
                };
            } catch (IllegalArgumentException unknown) {
                return key;
            }
        }).collect(Collectors.joining(locale.getLanguage().equals("zh") ? "、" : ", "));
        return joined.length() > 200 ? joined.substring(0, 200) : joined;
    }
}
