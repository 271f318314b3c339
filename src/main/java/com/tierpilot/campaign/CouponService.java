package com.tierpilot.campaign;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.campaign.persistence.CampaignRepository;
import com.tierpilot.campaign.persistence.CouponRepository;
import com.tierpilot.campaign.persistence.CouponRepository.CodeRow;
import com.tierpilot.campaign.persistence.CouponRepository.RedemptionRow;
import com.tierpilot.base.security.DataScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redeeming coupon codes, exactly once: the checks of the request come first and write nothing; then one
 * transaction takes a use of the code, of the customer and of the total by conditional updates and records the
 * redemption under the order number's unique key. Any refusal rolls all of it back. A retried order finds its first
 * redemption and gets the same answer, also when a concurrent retry took the last use first: a limit refusal
 * looks for the order's redemption again before it is reported.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class CouponService {

    private static final Logger log = LoggerFactory.getLogger(CouponService.class);
    private static final int DEADLOCK_ATTEMPTS = 5;

    private final CouponRepository store;
    private final CampaignRepository campaigns;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CouponService(CouponRepository store, CampaignRepository campaigns, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Uses a code on an order; throws {@link CouponRefusedException} with the reason when it cannot. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER', 'API')")
    public Redemption redeem(TenantId tenant, RedemptionRequest request) {
        return redeem(tenant, DataScope.ALL, request);
    }

    /**
     * {@link #redeem(TenantId, RedemptionRequest)} for a caller who reaches only some customers (issue 20, data
     * scope): another account manager's customer is refused as unknown.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER', 'API')")
    public Redemption redeem(TenantId tenant, DataScope scope, RedemptionRequest request) {
        String code = normalize(request.code());
        String orderNo = request.orderNo() == null ? "" : request.orderNo().strip();
        BigDecimal amount = request.orderAmount();
        if (code.isEmpty() || request.customerCode() == null || request.customerCode().isBlank()
                || orderNo.isEmpty() || orderNo.length() > 64 || amount == null || amount.signum() <= 0
                || amount.scale() > 2) {
            throw new CouponRefusedException(RefusalReason.INVALID_REQUEST);
        }
        Optional<Redemption> before = repeated(tenant, orderNo, code);
        if (before.isPresent()) {
            return before.get();
        }
        CodeRow row = store.findCode(tenant, code)
                .orElseThrow(() -> new CouponRefusedException(RefusalReason.UNKNOWN_CODE, code));
        long customer = store.customerId(tenant, request.customerCode().strip(), scope)
                .orElseThrow(() -> new CouponRefusedException(RefusalReason.UNKNOWN_CUSTOMER));
        if (row.customerId() != null && row.customerId() != customer) {
            throw new CouponRefusedException(RefusalReason.NOT_THE_CUSTOMERS_CODE, code);
        }
        Campaign campaign = campaigns.find(tenant, row.campaignId()).orElseThrow();
        CouponTerms terms = campaign.coupon();
        Instant now = clock.instant();
        if (terms == null || CampaignService.statusAt(campaign, now) != CampaignStatus.ACTIVE) {
            throw new CouponRefusedException(RefusalReason.CAMPAIGN_NOT_ACTIVE, code);
        }
        if (now.isBefore(terms.validFrom())) {
            throw new CouponRefusedException(RefusalReason.NOT_YET_VALID, code);
        }
        if (!now.isBefore(terms.validTo()) || row.validUntil() != null && !now.isBefore(row.validUntil())) {
            throw new CouponRefusedException(RefusalReason.EXPIRED, code);
        }
        if (row.customerId() == null && campaigns.isControl(tenant, row.campaignId(), customer)) {
            throw new CouponRefusedException(RefusalReason.CONTROL_GROUP, code);
        }
        if (amount.compareTo(terms.requiredSpend()) < 0) {
            throw new CouponRefusedException(RefusalReason.BELOW_MINIMUM_SPEND, terms.requiredSpend());
        }
        if (!terms.categories().isEmpty() && (request.category() == null
                || terms.categories().stream().noneMatch(c -> c.equalsIgnoreCase(request.category().strip())))) {
            throw new CouponRefusedException(RefusalReason.CATEGORY_NOT_INCLUDED, String.join(", ",
                    terms.categories()));
        }
        BigDecimal discount = terms.discountFor(amount);
        retryingDeadlocks(() -> {
            store.ensureCustomerUses(tenant, row.couponId(), customer);
            return true;
        });
        try {
            long id = retryingDeadlocks(() -> transaction.execute(status -> {
                if (!store.useCode(tenant, row.codeId(), terms.perCodeLimit())) {
                    throw new CouponRefusedException(RefusalReason.CODE_USED_UP, code);
                }
                if (!store.useByCustomer(tenant, row.couponId(), customer, terms.perCustomerLimit())) {
                    throw new CouponRefusedException(RefusalReason.CUSTOMER_LIMIT_REACHED, terms.perCustomerLimit());
                }
                if (!store.useTotal(tenant, row.couponId())) {
                    throw new CouponRefusedException(RefusalReason.TOTAL_LIMIT_REACHED, code);
                }
                return store.insertRedemption(tenant, row, customer, orderNo, amount, discount, now);
            }));
            log.info("Coupon {} redeemed on order {} in tenant {}: {} off", code, orderNo, tenant.value(), discount);
            return new Redemption(id, code, orderNo, amount, discount, amount.subtract(discount), false);
        } catch (DuplicateKeyException sameOrderMeanwhile) {
            return repeated(tenant, orderNo, code).orElseThrow(
                    () -> new CouponRefusedException(RefusalReason.ORDER_ALREADY_REDEEMED, orderNo));
        } catch (CouponRefusedException usedUp) {
            // A retry of this very order may have taken the last use a moment ago: it gets the first answer.
            return repeated(tenant, orderNo, code).orElseThrow(() -> usedUp);
        }
    }

    /**
     * Reverses an order's redemption after a refund. The use is given back when the coupon is still valid (its
     * campaign active and its validity not over); otherwise the redemption is reversed and the use stays spent.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER', 'API')")
    public Reversal reverse(TenantId tenant, String orderNo) {
        return reverse(tenant, DataScope.ALL, orderNo);
    }

    /** {@link #reverse(TenantId, String)}; another account manager's customer's redemption reads as none. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER', 'API')")
    public Reversal reverse(TenantId tenant, DataScope scope, String orderNo) {
        RedemptionRow row = store.redemptionOfOrder(tenant, orderNo.strip())
                .filter(r -> scope.all() || store.reaches(tenant, r.customerId(), scope))
                .orElseThrow(() -> new NotFoundException("redemption"));
        Campaign campaign = campaigns.find(tenant, row.campaignId()).orElseThrow();
        Instant now = clock.instant();
        boolean valid = campaign.coupon() != null && CampaignService.statusAt(campaign, now) == CampaignStatus.ACTIVE
                && !now.isBefore(campaign.coupon().validFrom()) && now.isBefore(campaign.coupon().validTo());
        boolean reversed = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!store.markReversed(tenant, row.orderNo(), now)) {
                return false;
            }
            if (valid) {
                store.freeUse(tenant, row.codeId(), row.couponId(), row.customerId());
            }
            return true;
        }));
        if (reversed) {
            log.info("Coupon {} on order {} reversed in tenant {} (use freed: {})", row.code(), row.orderNo(),
                    tenant.value(), valid);
        }
        return new Reversal(row.orderNo(), row.code(), reversed && valid, !reversed);
    }

    /**
     * Runs a piece of work again when the database chose it as a deadlock victim: InnoDB rolls the whole
     * transaction back, so running it again is safe, and under heavy contention on one coupon it happens.
     */
    private <T> T retryingDeadlocks(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.debug("Deadlock victim, attempt {}: {}", attempt, e.getMessage());
            }
        }
    }

    /** The answer for an order that redeemed before: the same redemption for the same code, else a conflict. */
    private Optional<Redemption> repeated(TenantId tenant, String orderNo, String code) {
        Optional<RedemptionRow> first = store.redemptionOfOrder(tenant, orderNo);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        RedemptionRow r = first.get();
        if (r.reversed() || !r.code().equalsIgnoreCase(code)) {
            throw new CouponRefusedException(RefusalReason.ORDER_ALREADY_REDEEMED, orderNo);
        }
        return Optional.of(new Redemption(r.id(), r.code(), r.orderNo(), r.orderAmount(), r.discount(),
                r.orderAmount().subtract(r.discount()), true));
    }

    private static String normalize(@Nullable String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
