package com.tierpilot.delivery;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.ConsentIntake;
import com.tierpilot.delivery.persistence.ConsentRepository;
import com.tierpilot.delivery.persistence.ConsentRepository.ConsentChange;
import com.tierpilot.delivery.persistence.ConsentRepository.Contact;
import com.tierpilot.delivery.persistence.ConsentRepository.StoredConsent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the consent per channel of a customer import or an API batch, by the rules of {@link ConsentDecision}: a
 * chunk of customers in four reads (their stored consents, their addresses, the suppressed ones among those on each
 * channel) and two JDBC batches, never a profile load per customer.
 */
@Service
@Transactional
public class ConsentIntakeService implements ConsentIntake {

    private static final Logger log = LoggerFactory.getLogger(ConsentIntakeService.class);
    static final int MAX_CHUNK = 1000;

    private final ConsentRepository store;

    ConsentIntakeService(ConsentRepository store) {
        this.store = store;
    }

    @Override
    public Outcome record(TenantId tenant, List<Given> consents, Origin origin) {
        if (consents.isEmpty()) {
            return Outcome.NONE;
        }
        if (consents.size() > MAX_CHUNK) {
            throw new IllegalArgumentException("at most " + MAX_CHUNK + " customers per call");
        }
        ConsentSource source = origin == Origin.IMPORT ? ConsentSource.IMPORT : ConsentSource.API;
        List<Long> ids = consents.stream().map(Given::customerId).distinct().toList();
        Map<String, StoredConsent> stored = store.consents(tenant, ids).stream()
                .collect(Collectors.toMap(c -> key(c.customerId(), c.channel()), Function.identity()));
        Map<Long, Contact> contacts = store.contacts(tenant, ids).stream()
                .collect(Collectors.toMap(Contact::customerId, Function.identity()));
        Map<ChannelKind, Set<String>> suppressed = new HashMap<>();
        for (ChannelKind channel : ChannelKind.values()) {
            suppressed.put(channel, store.suppressedAmong(tenant, channel, contacts.values().stream()
                    .map(c -> normalizedAddress(c, channel)).filter(a -> a != null).distinct().toList()));
        }
        List<ConsentChange> inserts = new ArrayList<>();
        List<ConsentChange> updates = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        int granted = 0;
        int withdrawn = 0;
        for (Given given : consents) {
            Contact contact = contacts.get(given.customerId());
            if (contact == null) {
                continue;
            }
            for (ChannelKind channel : ChannelKind.values()) {
                Boolean wanted = channel == ChannelKind.SMS ? given.sms() : given.email();
                if (wanted == null) {
                    continue;
                }
                StoredConsent now = stored.get(key(given.customerId(), channel));
                String address = normalizedAddress(contact, channel);
                ConsentDecision decision = ConsentDecision.of(now == null ? null : new Consent(channel, now.granted(),
                        now.source(), null, now.changedAt()), address != null && suppressed.get(channel)
                                .contains(address), wanted, given.givenAt());
                ConsentChange change = new ConsentChange(given.customerId(), channel, wanted, source,
                        given.givenAt());
                switch (decision) {
                    case INSERT -> inserts.add(change);
                    case UPDATE -> updates.add(change);
                    case REFUSED -> refused.add(new Refused(given.customerId(), channel == ChannelKind.SMS));
                    case UNCHANGED -> {
                        continue;
                    }
                }
                if (decision != ConsentDecision.REFUSED) {
                    stored.put(key(given.customerId(), channel), new StoredConsent(given.customerId(), channel, wanted,
                            source, given.givenAt()));
                    if (wanted) {
                        granted++;
                    } else {
                        withdrawn++;
                    }
                }
            }
        }
        store.writeConsents(tenant, inserts, updates);
        if (!refused.isEmpty()) {
            log.info("Tenant {}: {} consent 'yes' answers of the {} refused: the customers withdrew consent or are"
                    + " suppressed on that channel", tenant, refused.size(), origin);
        }
        return new Outcome(granted, withdrawn, refused);
    }

    private static String key(long customerId, ChannelKind channel) {
        return customerId + ":" + channel;
    }

    private static @Nullable String normalizedAddress(Contact contact, ChannelKind channel) {
        String address = channel == ChannelKind.SMS ? contact.phone() : contact.email();
        return address == null || address.isBlank() ? null : Suppression.normalize(channel, address);
    }
}
