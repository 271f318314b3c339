package com.tierpilot.delivery;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.delivery.crypto.SecretBox;
import com.tierpilot.delivery.persistence.DeliverySettingsRepository;
import com.tierpilot.delivery.persistence.DeliverySettingsRepository.StoredProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's delivery settings: its rules (quiet hours, weekly cap, SMS price, unsubscribe phrase, the SMS provider
 * campaigns use) and its accounts at the providers. Secrets are sealed with the platform key before they reach the
 * database and are shown again only masked; a test message goes through the same adapter a campaign will use.
 */
@Service
@Transactional
public class DeliverySettingsService {

    private static final Logger log = LoggerFactory.getLogger(DeliverySettingsService.class);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final BigDecimal MAX_PRICE = BigDecimal.TEN;

    private final DeliverySettingsRepository store;
    private final SecretBox secrets;
    private final Map<Provider, Channel<SmsMessage>> smsChannels = new EnumMap<>(Provider.class);
    private final Clock clock;

    DeliverySettingsService(DeliverySettingsRepository store, SecretBox secrets, List<Channel<SmsMessage>> smsChannels,
            Clock clock) {
        this.store = store;
        this.secrets = secrets;
        smsChannels.forEach(c -> this.smsChannels.put(c.provider(), c));
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DeliveryRules rules(TenantId tenant) {
        return store.rules(tenant);
    }

    @PreAuthorize("hasRole('OWNER')")
    public void saveRules(TenantId tenant, DeliveryRules rules) {
        if (rules.weeklyCap() < 0 || rules.weeklyCap() > DeliveryRules.MAX_WEEKLY_CAP) {
            throw new UserFacingException("delivery.error.cap", DeliveryRules.MAX_WEEKLY_CAP);
        }
        if (rules.smsPricePerPart().signum() < 0 || rules.smsPricePerPart().compareTo(MAX_PRICE) > 0
                || rules.smsPricePerPart().scale() > 4) {
            throw new UserFacingException("delivery.error.price");
        }
        String phrase = rules.unsubscribeText().strip();
        if (phrase.isEmpty() || phrase.length() > DeliveryRules.MAX_UNSUBSCRIBE_TEXT) {
            throw new UserFacingException("delivery.error.unsubscribe", DeliveryRules.MAX_UNSUBSCRIBE_TEXT);
        }
        if (rules.smsProvider() != null && store.provider(tenant, rules.smsProvider()).isEmpty()) {
            throw new UserFacingException("delivery.error.providerMissing");
        }
        DeliveryRules clean = new DeliveryRules(rules.quietStart(), rules.quietEnd(), rules.weeklyCap(),
                rules.smsPricePerPart(), rules.smsProvider(), phrase, rules.version());
        if (!store.save(tenant, clean, clock.instant())) {
            throw new ConflictException("delivery.error.concurrent");
        }
    }

    /** The company's provider accounts, secrets masked. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OWNER')")
    public List<ProviderSettings> providers(TenantId tenant) {
        return store.providers(tenant).stream().map(p -> new ProviderSettings(p.provider(), p.accessKeyId(),
                "••••" + p.secretHint(), p.signName(), p.appId(), p.region(), p.updatedAt())).toList();
    }

    @PreAuthorize("hasRole('OWNER')")
    public ProviderSettings saveProvider(TenantId tenant, ProviderDraft draft) {
        String keyId = draft.accessKeyId().strip();
        String signName = draft.signName().strip();
        String appId = draft.appId() == null ? "" : draft.appId().strip();
        if (keyId.isEmpty() || keyId.length() > 128) {
            throw new UserFacingException("delivery.error.accessKey");
        }
        if (signName.isEmpty() || signName.length() > 60) {
            throw new UserFacingException("delivery.error.signName");
        }
        if (draft.provider() == Provider.TENCENT_SMS && !appId.matches("[0-9]{1,20}")) {
            throw new UserFacingException("delivery.error.appId");
        }
        Optional<StoredProvider> stored = store.provider(tenant, draft.provider());
        String secret = draft.secret() == null ? "" : draft.secret().strip();
        String sealed;
        String hint;
        if (secret.isEmpty()) {
            StoredProvider before = stored.orElseThrow(() -> new UserFacingException("delivery.error.secretRequired"));
            sealed = before.secretSealed();
            hint = before.secretHint();
        } else {
            if (secret.length() > 200) {
                throw new UserFacingException("delivery.error.secretRequired");
            }
            sealed = secrets.encrypt(secret, owner(tenant, draft.provider()));
            hint = secret.length() <= 8 ? "" : secret.substring(secret.length() - 4);
        }
        var saved = new StoredProvider(draft.provider(), keyId, sealed, hint, signName,
                draft.provider() == Provider.TENCENT_SMS ? appId : null, draft.region().strip(), clock.instant());
        store.save(tenant, saved);
        log.info("Saved the {} account (key {})", draft.provider(), keyId);
        return providers(tenant).stream().filter(p -> p.provider() == draft.provider()).findFirst().orElseThrow();
    }

    /**
     * Sends one SMS through the provider's adapter with the company's account, as a campaign would: the owner's check
     * that keys, sign name and template work. Runs outside a transaction: it waits for the provider.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("hasRole('OWNER')")
    public SendResult sendTestSms(TenantId tenant, Provider provider, SmsMessage message) {
        if (!PHONE.matcher(message.phone().replace(" ", "")).matches()) {
            throw new UserFacingException("delivery.error.phone");
        }
        ProviderAccount account = account(tenant, provider)
                .orElseThrow(() -> new UserFacingException("delivery.error.providerMissing"));
        SendResult result = smsChannels.get(provider).send(account, message);
        log.info("Test SMS through {}: {} {}", provider, result.outcome(), result.code() == null ? "" : result.code());
        return result;
    }

    /** The account with its secret decrypted, for sending; empty when the company has none at this provider. */
    Optional<ProviderAccount> account(TenantId tenant, Provider provider) {
        return store.provider(tenant, provider).map(p -> new ProviderAccount(provider, p.accessKeyId(),
                secrets.decrypt(p.secretSealed(), owner(tenant, provider)), p.signName(), p.appId(), p.region()));
    }

    /** The sign name an SMS of the company carries (its SMS provider's), or empty. */
    @Transactional(readOnly = true)
    String smsSignName(TenantId tenant, DeliveryRules rules) {
        if (rules.smsProvider() == null) {
            return "";
        }
        return store.provider(tenant, rules.smsProvider()).map(StoredProvider::signName).orElse("");
    }

    /** The associated data a secret is sealed with: it decrypts only for its own company and provider. */
    private static String owner(TenantId tenant, Provider provider) {
        return "tenant:" + tenant.value() + "/provider:" + provider.name();
    }
}
