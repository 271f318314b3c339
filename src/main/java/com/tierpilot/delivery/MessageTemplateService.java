package com.tierpilot.delivery;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerProfile;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.delivery.persistence.MessageTemplateRepository;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's message templates: one per channel and purpose, with a text per language (zh-CN, en); saved only
 * when every text renders safely ({@link TemplateEngine#check}); previewed with a real customer's data, and sent to
 * the marketer ("send to me") through the same adapter a campaign uses.
 */
@Service
@Transactional
public class MessageTemplateService {

    private static final Logger log = LoggerFactory.getLogger(MessageTemplateService.class);
    private static final Set<String> LANGUAGES = Set.of(MessageTemplate.CHINESE, MessageTemplate.ENGLISH);

    private final MessageTemplateRepository store;
    private final CustomerProfileService customers;
    private final DeliverySettingsService settings;
    private final TenantService tenants;
    private final MessageComposer composer;
    private final List<Channel<?>> channels;
    private final Clock clock;

    MessageTemplateService(MessageTemplateRepository store, CustomerProfileService customers, DeliverySettingsService settings, TenantService tenants,
            MessageComposer composer, List<Channel<?>> channels, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.settings = settings;
        this.tenants = tenants;
        this.composer = composer;
        this.channels = channels;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MessageTemplate> all(TenantId tenant) {
        return store.all(tenant);
    }

    @Transactional(readOnly = true)
    public List<MessageTemplate> of(TenantId tenant, ChannelKind channel) {
        return store.all(tenant).stream().filter(t -> t.channel() == channel).toList();
    }

    /** Saves a new template (id null) or changes one; returns its id. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public long save(TenantId tenant, @Nullable Long id, String name, ChannelKind channel,
            List<MessageTemplate.Text> texts) {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw new UserFacingException("templates.error.name");
        }
        List<MessageTemplate.Text> kept = new ArrayList<>();
        for (MessageTemplate.Text t : texts) {
            if (!LANGUAGES.contains(t.language())) {
                throw new UserFacingException("templates.error.language");
            }
            if (t.body().isBlank()) {
                continue;
            }
            if (t.body().length() > 4000) {
                throw new UserFacingException("templates.error.body");
            }
            TemplateEngine.check(t.body());
            String subject = t.subject() == null || t.subject().isBlank() ? null : t.subject().strip();
            String code = t.providerTemplate() == null || t.providerTemplate().isBlank() ? null
                    : t.providerTemplate().strip();
            if (channel == ChannelKind.EMAIL) {
                if (subject == null || subject.length() > 200) {
                    throw new UserFacingException("templates.error.subject");
                }
                TemplateEngine.check(subject);
            } else if (code == null || code.length() > 64) {
                throw new UserFacingException("templates.error.providerTemplate");
            }
            kept.add(new MessageTemplate.Text(t.language(), channel == ChannelKind.EMAIL ? subject : null, t.body(),
                    channel == ChannelKind.SMS ? code : null));
        }
        if (kept.isEmpty()) {
            throw new UserFacingException("templates.error.noText");
        }
        if (store.nameTaken(tenant, clean, id == null ? -1 : id)) {
            throw new UserFacingException("templates.error.nameTaken", clean);
        }
        long saved;
        if (id == null) {
            saved = store.insert(tenant, clean, channel, clock.instant());
        } else {
            MessageTemplate before = require(tenant, id);
            if (before.channel() != channel) {
                throw new UserFacingException("templates.error.channel");
            }
            store.rename(tenant, id, clean, clock.instant());
            saved = id;
        }
        store.saveTexts(tenant, saved, kept);
        log.info("Message template {} saved ({}, {} languages)", saved, channel, kept.size());
        return saved;
    }

    /** A message as one customer would get it. */
    public record Preview(String language, @Nullable String subject, @Nullable String html, String text,
            int smsParts, int smsCharacters) {
    }

    /**
     * The template rendered with a real customer's data, in the customer's language (or the one asked for); the
     * coupon fields show examples, since the customer's code is issued at launch.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public Preview preview(TenantId tenant, long templateId, String customerCode, @Nullable String language) {
        MessageTemplate template = require(tenant, templateId);
        CustomerProfile customer = customers.byCode(tenant, customerCode.strip())
                .orElseThrow(() -> new NotFoundException("customer"));
        String lang = language != null ? language
                : MessageComposer.language(customer.attributes().getOrDefault("language",
                        customer.attributes().get("语言")));
        return render(tenant, template, lang, customer.name(), "https://example.com/l/…");
    }

    private Preview render(TenantId tenant, MessageTemplate template, String language, @Nullable String name,
            String unsubscribeUrl) {
        MessageTemplate.Text text = template.textFor(language);
        MergeFields fields = MessageComposer.fields(text.language(), name, "WB7K2Q9XH3", "满200减20", "20 off 200",
                LocalDate.now(clock).plusDays(30), "", "", "");
        if (template.channel() == ChannelKind.EMAIL) {
            EmailMessage email = composer.email(text, fields, "preview@example.com", unsubscribeUrl, "preview");
            return new Preview(text.language(), email.subject(), email.html(), email.text(), 0, 0);
        }
        DeliveryRules rules = settings.rules(tenant);
        String sms = MessageComposer.smsText(text, fields, settings.smsSignName(tenant, rules),
                rules.unsubscribeText());
        SmsLength length = SmsLength.mainland(sms);
        return new Preview(text.language(), null, null, sms, length.parts(), length.characters());
    }

    /**
     * Sends the template, rendered with the customer's data, to the marketer: an e-mail to their address, or an SMS
     * to the number they give, through the company's provider. Waits for the provider, outside a transaction.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @SuppressWarnings("unchecked")
    public SendResult sendToMe(TenantId tenant, long templateId, String customerCode, String myAddress) {
        MessageTemplate template = require(tenant, templateId);
        CustomerProfile customer = customers.byCode(tenant, customerCode.strip())
                .orElseThrow(() -> new NotFoundException("customer"));
        String lang = MessageComposer.language(customer.attributes().getOrDefault("language",
                customer.attributes().get("语言")));
        MessageTemplate.Text text = template.textFor(lang);
        MergeFields fields = MessageComposer.fields(text.language(), customer.name(), "WB7K2Q9XH3", "满200减20",
                "20 off 200", LocalDate.now(clock).plusDays(30), "", "", "");
        if (template.channel() == ChannelKind.EMAIL) {
            var account = new ProviderAccount(Provider.SMTP_EMAIL, "", "", tenants.profile(tenant).name(), null, "");
            EmailMessage email = composer.email(text, fields, myAddress.strip(), composer.unsubscribeUrl("test"),
                    "test" + templateId);
            return ((Channel<EmailMessage>) channel(Provider.SMTP_EMAIL)).send(account, email);
        }
        DeliveryRules rules = settings.rules(tenant);
        if (rules.smsProvider() == null) {
            throw new UserFacingException("outbox.error.noSmsProvider");
        }
        ProviderAccount account = settings.account(tenant, rules.smsProvider())
                .orElseThrow(() -> new UserFacingException("delivery.error.providerMissing"));
        return ((Channel<SmsMessage>) channel(rules.smsProvider())).send(account,
                MessageComposer.sms(text, fields, myAddress.strip(), "test" + templateId));
    }

    private Channel<?> channel(Provider provider) {
        return channels.stream().filter(c -> c.provider() == provider).findFirst().orElseThrow();
    }

    private MessageTemplate require(TenantId tenant, long id) {
        return store.find(tenant, id).orElseThrow(() -> new NotFoundException("template"));
    }
}
