package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records the marketing consent per channel that an import or the REST API brings with customers (issue 19). The
 * customer module reads the consent columns and fields; the delivery module, which owns consent and the suppression
 * list, implements this and decides (see its {@code MarketingConsentService}). The customer module may not depend on
 * delivery, so delivery contributes the implementation, as segmentation contributes {@link CustomerScoreSource}.
 *
 * <p>A bulk "yes" never lifts a withdrawal: a customer who unsubscribed (reply, link, or recorded by a user) or whose
 * address is suppressed keeps no consent; the answer lists them ({@link Outcome#refused()}). Only a user on the
 * customer page can record consent given again.
 */
public interface ConsentIntake {

    /** Where the consent came from. */
    enum Origin {
        IMPORT, API
    }

    /**
     * One customer's consent as a file row or an API item gives it: null on a channel leaves that channel as it is.
     *
     * @param givenAt when the customer gave or withdrew it (the file's or item's time, or the time of the import)
     */
    record Given(long customerId, @Nullable Boolean sms, @Nullable Boolean email, Instant givenAt) {
    }

    /** A "yes" that was not recorded, because the customer withdrew consent on that channel or is suppressed. */
    record Refused(long customerId, boolean sms) {
    }

    /** What changed: consents recorded as given, as withdrawn, and the "yes" answers refused. */
    record Outcome(int granted, int withdrawn, List<Refused> refused) {

        public static final Outcome NONE = new Outcome(0, 0, List.of());

        public Outcome plus(Outcome other) {
            return new Outcome(granted + other.granted, withdrawn + other.withdrawn,
                    java.util.stream.Stream.concat(refused.stream(), other.refused.stream()).toList());
        }
    }

    /** Records the consents, in the caller's transaction, in batches (at most 1,000 customers per call). */
    Outcome record(TenantId tenant, List<Given> consents, Origin origin);
}
