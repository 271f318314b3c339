package com.tierpilot.delivery;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerProfile;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.delivery.persistence.ConsentRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marketing consent per customer and channel, and the company's suppression list. A customer may receive a
 * marketing message on a channel only with consent on that channel and an address that is not suppressed. A
 * withdrawal (by the customer's reply, link, or a user) also suppresses the address, so that another customer record
 * with the same number or e-mail address is not messaged either; consent given again lifts only that unsubscribe,
 * never a bounce or a complaint.
 */
@Service
@Transactional
public class MarketingConsentService {

    private static final Logger log = LoggerFactory.getLogger(MarketingConsentService.class);
    private static final int MAX_NOTE = 200;

    private final ConsentRepository store;
    private final CustomerProfileService customers;
    private final Clock clock;

    MarketingConsentService(ConsentRepository store, CustomerProfileService customers, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.clock = clock;
    }

    /** The customer's consent on every channel (a channel without a record: none given). */
    @Transactional(readOnly = true)
    public List<Consent> of(TenantId tenant, long customerId) {
        requireCustomer(tenant, customerId);
        List<Consent> stored = store.consents(tenant, customerId);
        List<Consent> all = new ArrayList<>();
        for (ChannelKind channel : ChannelKind.values()) {
            all.add(stored.stream().filter(c -> c.channel() == channel).findFirst().orElse(Consent.none(channel)));
        }
        return all;
    }

    /** A user or the API records the customer's consent as given or withdrawn, saying how. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER', 'API')")
    public void set(TenantId tenant, long customerId, ChannelKind channel, boolean granted, ConsentSource source,
            @Nullable String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new UserFacingException("consent.error.note", MAX_NOTE);
        }
        record(tenant, requireCustomer(tenant, customerId), channel, granted, source,
                note == null || note.isBlank() ? null : note.strip());
    }

    /** Whether a marketing message may go to this customer on this channel: consent, and no suppression. */
    @Transactional(readOnly = true)
    public boolean mayReceive(TenantId tenant, long customerId, ChannelKind channel) {
        CustomerProfile customer = customers.byId(tenant, customerId).orElse(null);
        String address = customer == null ? null : address(customer, channel);
        return address != null && store.consents(tenant, customerId).stream()
                .anyMatch(c -> c.channel() == channel && c.granted())
                && !store.isSuppressed(tenant, channel, Suppression.normalize(channel, address));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<Suppression> suppressions(TenantId tenant, int offset, int limit) {
        return store.suppressions(tenant, offset, limit);
    }

    /** Puts an address on the suppression list (a bounce, a complaint); true when it was not there yet. */
    public boolean suppress(TenantId tenant, ChannelKind channel, String address, SuppressionReason reason,
            ConsentSource source) {
        return store.suppress(tenant, channel, Suppression.normalize(channel, address), reason, source,
                clock.instant());
    }

    /** Withdraws consent and suppresses the address: what an unsubscribe does, however it arrives. */
    void unsubscribe(TenantId tenant, long customerId, ChannelKind channel, ConsentSource source) {
        customers.byId(tenant, customerId).ifPresent(c -> record(tenant, c, channel, false, source, null));
    }

    private void record(TenantId tenant, CustomerProfile customer, ChannelKind channel, boolean granted,
            ConsentSource source, @Nullable String note) {
        boolean changed = store.set(tenant, customer.id(), channel, granted, source, note, clock.instant());
        String address = address(customer, channel);
        if (address != null) {
            String normalized = Suppression.normalize(channel, address);
            if (granted) {
                store.unsuppress(tenant, channel, normalized, SuppressionReason.UNSUBSCRIBED);
            } else {
                store.suppress(tenant, channel, normalized, SuppressionReason.UNSUBSCRIBED, source, clock.instant());
            }
        }
        if (changed) {
            log.info("Customer {} {} {} marketing by {}", customer.id(), granted ? "consented to" : "withdrew from",
                    channel, source);
        }
    }

    private CustomerProfile requireCustomer(TenantId tenant, long customerId) {
        return customers.byId(tenant, customerId).orElseThrow(() -> new NotFoundException("customer"));
    }

    static @Nullable String address(CustomerProfile customer, ChannelKind channel) {
        String address = channel == ChannelKind.SMS ? customer.phone() : customer.email();
        return address == null || address.isBlank() ? null : address;
    }
}
