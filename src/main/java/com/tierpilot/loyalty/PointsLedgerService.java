package com.tierpilot.loyalty;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.loyalty.persistence.PointsLedgerRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's loyalty points. Every change is an entry of the append-only ledger with an idempotency key unique in
 * the company, so that a retried call changes nothing; the balance changes in the same transaction, by conditional
 * updates, so it never goes negative and never lets two spends share the same points.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class PointsLedgerService {

    /** The most points a customer's balance can hold (far below the column's 2^31 - 1, whatever arrives at once). */
    public static final int MAX_BALANCE = 1_000_000_000;

    private final PointsLedgerRepository store;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PointsLedgerService(PointsLedgerRepository store, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Awards points; they settle any debt first. */
    public PointsPosting award(TenantId tenant, long customerId, int points, PointsReason reason,
            @Nullable String reference, String idempotencyKey, @Nullable LocalDate expiresOn) {
        if (points <= 0) {
            throw new UserFacingException("loyalty.error.points");
        }
        return inTransaction(tenant, customerId,
                () -> post(tenant, customerId, points, reason, reference, idempotencyKey, expiresOn));
    }

    /** Spends points (a reward, say); refused, and nothing written, when the balance does not cover them. */
    public PointsPosting spend(TenantId tenant, long customerId, int points, PointsReason reason,
            @Nullable String reference, String idempotencyKey) {
        if (points <= 0) {
            throw new UserFacingException("loyalty.error.points");
        }
        return inTransaction(tenant, customerId,
                () -> post(tenant, customerId, -points, reason, reference, idempotencyKey, null));
    }

    /**
     * Takes back what an order earned, once per order however often the refund arrives. Points already spent cannot
     * be taken: the balance goes to zero and the rest is recorded as debt.
     */
    public PointsPosting reverseOrder(TenantId tenant, long customerId, String orderNo) {
        return inTransaction(tenant, customerId, () -> reverse(tenant, customerId, orderNo));
    }

    private PointsPosting reverse(TenantId tenant, long customerId, String orderNo) {
        int earned = store.netPointsOfOrder(tenant, customerId, orderNo);
        String key = "refund:" + orderNo;
        if (earned <= 0) {
            return store.byKey(tenant, customerId, key).map(e -> new PointsPosting(e.id(), e.points(), true,
                    store.balance(tenant, customerId))).orElse(new PointsPosting(0, 0, false,
                            store.balance(tenant, customerId)));
        }
        var entry = store.append(tenant, customerId, -earned, PointsReason.REFUND, orderNo, key, null,
                clock.instant());
        if (entry.isEmpty()) {
            return repeated(tenant, customerId, key);
        }
        store.takeBack(tenant, customerId, earned);
        return new PointsPosting(entry.get(), -earned, false, store.balance(tenant, customerId));
    }

    /**
     * Takes back points for a refund that is an order of its own (a negative amount, not linked to the order it
     * refunds): once per refund order; what was already spent becomes debt, as with {@link #reverseOrder}.
     */
    public PointsPosting refund(TenantId tenant, long customerId, String refundOrderNo, int points) {
        if (points <= 0) {
            throw new UserFacingException("loyalty.error.points");
        }
        return inTransaction(tenant, customerId, () -> {
            String key = "refund:" + refundOrderNo;
            var entry = store.append(tenant, customerId, -points, PointsReason.REFUND, refundOrderNo, key, null,
                    clock.instant());
            if (entry.isEmpty()) {
                return repeated(tenant, customerId, key);
            }
            store.takeBack(tenant, customerId, points);
            return new PointsPosting(entry.get(), -points, false, store.balance(tenant, customerId));
        });
    }

    /**
     * Expires up to {@code points} (never more than the balance, and never as debt), once per customer and day.
     * Returns the points expired.
     */
    public int expire(TenantId tenant, long customerId, long points, LocalDate day) {
        return inTransaction(tenant, customerId, () -> {
            int amount = (int) Math.min(points, store.balance(tenant, customerId).points());
            if (amount <= 0) {
                return new PointsPosting(0, 0, false, store.balance(tenant, customerId));
            }
            var entry = store.append(tenant, customerId, -amount, PointsReason.EXPIRY, null,
                    "expiry:" + day + ":" + customerId, null, clock.instant());
            if (entry.isEmpty() || !store.take(tenant, customerId, amount)) {
                // Expired earlier today, or spent meanwhile: the next night looks again.
                throw new ExpiryRace();
            }
            return new PointsPosting(entry.get(), -amount, false, store.balance(tenant, customerId));
        }).points() * -1;
    }

    /** Rolls back an expiry that lost a race with a spend; the nightly run counts it and goes on. */
    static final class ExpiryRace extends RuntimeException {
        ExpiryRace() {
            super("expiry lost a race with a spend", null, false, false);
        }
    }

    public PointsBalance balance(TenantId tenant, long customerId) {
        return store.balance(tenant, customerId);
    }

    public List<PointsEntry> latest(TenantId tenant, long customerId, int limit) {
        return store.latest(tenant, customerId, limit);
    }

    private PointsPosting post(TenantId tenant, long customerId, int points, PointsReason reason,
            @Nullable String reference, String key, @Nullable LocalDate expiresOn) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new UserFacingException("loyalty.error.key");
        }
        var entry = store.append(tenant, customerId, points, reason, reference, key, expiresOn, clock.instant());
        if (entry.isEmpty()) {
            return repeated(tenant, customerId, key);
        }
        if (points > 0) {
            if (!store.add(tenant, customerId, points, MAX_BALANCE)) {
                // Rolls the entry back with the transaction.
                throw new UserFacingException("loyalty.error.balanceLimit", MAX_BALANCE);
            }
        } else if (!store.take(tenant, customerId, -points)) {
            // Rolls the entry back with the transaction.
            throw new UserFacingException("loyalty.error.insufficient", -points,
                    store.balance(tenant, customerId).points());
        }
        return new PointsPosting(entry.get(), points, false, store.balance(tenant, customerId));
    }

    /** The answer to a key used before: the first call's entry, if it was for the same customer. */
    private PointsPosting repeated(TenantId tenant, long customerId, String key) {
        PointsEntry first = store.byKey(tenant, customerId, key)
                .orElseThrow(() -> new UserFacingException("loyalty.error.keyReused"));
        return new PointsPosting(first.id(), first.points(), true, store.balance(tenant, customerId));
    }

    /**
     * Runs a change in a transaction of its own, after making sure the customer's balance row exists (in a short
     * transaction before it): changes then only update an existing row, which on InnoDB takes a row lock and no gap
     * locks, so concurrent first changes of a customer queue instead of deadlocking.
     */
    private PointsPosting inTransaction(TenantId tenant, long customerId, Supplier<PointsPosting> change) {
        if (!store.customerExists(tenant, customerId)) {
            throw new NotFoundException("customer");
        }
        store.ensureBalance(tenant, customerId);
        return transaction.execute(status -> change.get());
    }
}
