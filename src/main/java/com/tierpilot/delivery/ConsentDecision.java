package com.tierpilot.delivery;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a consent brought by an import or the API does to a customer's consent on one channel (issue 19, PIPL). A
 * bulk answer is the company's record of what the customer said, not the customer's own act, so:
 * <ul>
 * <li>a "no" records that no consent is held (when one was, or none was recorded); it does not put the address on
 * the suppression list. Over a withdrawal it changes nothing, so the withdrawal keeps its source and time (an
 * unsubscribe never becomes an import's "no" that a later "yes" could undo);</li>
 * <li>a "yes" records consent where none was recorded, or over a "no" of an earlier import or API call. It never
 * lifts a withdrawal by the customer (an SMS reply, an unsubscribe link), by a user on the customer page, or a
 * provider's refusal, nor an address on the suppression list for any reason (unsubscribed, bounced, complained; the
 * address may be another customer record's): it is refused and reported. Only a user on the customer page can
 * record consent given again;</li>
 * <li>an answer dated before the stored record changes nothing (an old file does not undo a newer decision), and a
 * consent already given keeps its first source and time.</li>
 * </ul>
 */
enum ConsentDecision {
    INSERT, UPDATE, UNCHANGED, REFUSED;

    /** The sources whose "no" a later bulk "yes" may replace. */
    private static final Set<ConsentSource> BULK = Set.of(ConsentSource.IMPORT, ConsentSource.API);

    static ConsentDecision of(@Nullable Consent stored, boolean suppressed, boolean wanted, Instant givenAt) {
        if (stored != null && stored.changedAt() != null && givenAt.isBefore(stored.changedAt())) {
            return UNCHANGED;
        }
        if (!wanted) {
            return stored == null ? INSERT : stored.granted() ? UPDATE : UNCHANGED;
        }
        if (stored != null && stored.granted()) {
            return UNCHANGED;
        }
        if (suppressed) {
            return REFUSED;
        }
        if (stored == null) {
            return INSERT;
        }
        return BULK.contains(stored.source()) ? UPDATE : REFUSED;
    }
}
