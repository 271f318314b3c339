package com.tierpilot.loyalty;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.loyalty.persistence.PointsLedgerRepository;
import com.tierpilot.loyalty.persistence.RewardRepository;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewards catalogue (the seed's volume gifts, say) and the redemption of a reward for points, at the staff
 * screen or through the API. A redemption happens exactly once per idempotency key, never takes more items than
 * the stock nor more points than the balance, however many staff and systems redeem at once: the database decides,
 * by a unique key and two conditional updates in one transaction.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class RewardService {

    private static final Logger log = LoggerFactory.getLogger(RewardService.class);
    private static final int MAX_KEY = 100;

    private final RewardRepository rewards;
    private final PointsLedgerRepository ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RewardService(RewardRepository rewards, PointsLedgerRepository ledger, PlatformTransactionManager transactions, Clock clock) {
        this.rewards = rewards;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A page of the catalogue by name; {@code onlyActive}: only what is on offer. */
    public List<Reward> page(TenantId tenant, boolean onlyActive, int offset, int limit) {
        return rewards.page(tenant, onlyActive, offset, limit);
    }

    public int count(TenantId tenant) {
        return rewards.count(tenant);
    }

    public Reward get(TenantId tenant, long id) {
        return rewards.byId(tenant, id).orElseThrow(() -> new NotFoundException("reward"));
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public Reward create(TenantId tenant, RewardDraft draft) {
        validate(draft);
        return get(tenant, rewards.insert(tenant, draft, clock.instant()));
    }

    /** Changes a reward as read at {@code version}; refused when someone changed it since, or the stock is too low. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public Reward update(TenantId tenant, long id, int version, RewardDraft draft) {
        validate(draft);
        Reward current = get(tenant, id);
        if (draft.stock() != null && draft.stock() < current.redeemed()) {
            throw new UserFacingException("loyalty.reward.error.stockBelowRedeemed", current.redeemed());
        }
        if (!rewards.update(tenant, id, version, draft, clock.instant())) {
            throw new ConflictException("loyalty.reward.error.changed");
        }
        return get(tenant, id);
    }

    /**
     * Redeems a reward for a customer: takes one item of stock and the reward's points, and writes the ledger entry,
     * all or nothing. Sending the same key again changes nothing and answers with the first redemption.
     *
     * @throws ConflictException when the reward is out of stock or no longer offered, or the points do not cover it
     */
    public RewardRedemption redeem(TenantId tenant, long rewardId, long customerId, String idempotencyKey,
            @Nullable UserId staff) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
            throw new UserFacingException("loyalty.error.key");
        }
        Reward reward = get(tenant, rewardId);
        if (!ledger.customerExists(tenant, customerId)) {
            throw new NotFoundException("customer");
        }
        // The balance row exists before the transaction, so that it only updates (see PointsLedgerService).
        ledger.ensureBalance(tenant, customerId);
        // The stock first: its row lock queues the tills one behind the other. (Inserting the redemption first
        // would take a shared lock on the reward through the foreign key, and two tills would deadlock upgrading it.)
        RewardRedemption done = transaction.execute(status -> {
            if (!rewards.takeOne(tenant, rewardId)) {
                // A retry of a redemption that took the last item is still answered with it.
                if (rewards.redemptionByKey(tenant, idempotencyKey).isPresent()) {
                    return repeated(tenant, reward, customerId, idempotencyKey);
                }
                throw new ConflictException("loyalty.reward.error.soldOut", reward.name());
            }
            var id = rewards.insertRedemption(tenant, rewardId, customerId, reward.pointsCost(), idempotencyKey,
                    staff == null ? null : staff.value(), clock.instant());
            if (id.isEmpty()) {
                // Made before: the item just taken goes back with the rollback.
                status.setRollbackOnly();
                return repeated(tenant, reward, customerId, idempotencyKey);
            }
            if (!ledger.take(tenant, customerId, reward.pointsCost())) {
                throw new ConflictException("loyalty.error.insufficient", reward.pointsCost(),
                        ledger.balance(tenant, customerId).points());
            }
            if (ledger.append(tenant, customerId, -reward.pointsCost(), PointsReason.REWARD, "reward:" + rewardId,
                    "reward:" + idempotencyKey, null, clock.instant()).isEmpty()) {
                throw new UserFacingException("loyalty.error.keyReused");
            }
            return new RewardRedemption(id.get(), rewardId, reward.name(), reward.pointsCost(), false,
                    ledger.balance(tenant, customerId));
        });
        if (!done.repeated()) {
            log.info("Reward {} redeemed for customer {} ({} points)", rewardId, customerId, reward.pointsCost());
        }
        return done;
    }

    /** The first redemption with this key, if it was for the same reward and customer. */
    private RewardRedemption repeated(TenantId tenant, Reward reward, long customerId, String key) {
        long[] first = rewards.redemptionByKey(tenant, key)
                .filter(r -> r[1] == reward.id() && r[2] == customerId)
                .orElseThrow(() -> new UserFacingException("loyalty.error.keyReused"));
        return new RewardRedemption(first[0], reward.id(), reward.name(), (int) first[3], true,
                ledger.balance(tenant, customerId));
    }

    private static void validate(RewardDraft draft) {
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 120) {
            throw new UserFacingException("loyalty.reward.error.name");
        }
        if (draft.pointsCost() <= 0) {
            throw new UserFacingException("loyalty.reward.error.cost");
        }
        if (draft.stock() != null && draft.stock() < 0) {
            throw new UserFacingException("loyalty.reward.error.stock");
        }
    }
}
