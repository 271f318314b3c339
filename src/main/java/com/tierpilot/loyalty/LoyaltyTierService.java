package com.tierpilot.loyalty;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.loyalty.persistence.LoyaltyTierRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member tiers (as in Open Loyalty and Talon.One): a member reaches a tier as soon as the points earned (or money
 * spent) in the last 12 months pass its threshold; a member below the tier's threshold keeps it through one yearly
 * review (grace), and goes down at the next review still below.
 */
@Service
@Transactional(readOnly = true)
public class LoyaltyTierService {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyTierService.class);

    private final LoyaltyTierRepository store;
    private final CampaignService campaigns;
    private final Clock clock;

    private final TransactionTemplate apart;

    private final TenantService tenants;

    LoyaltyTierService(LoyaltyTierRepository store, CampaignService campaigns, PlatformTransactionManager transactions, TenantService tenants,
            Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.campaigns = campaigns;
        this.clock = clock;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public List<LoyaltyTier> tiers(TenantId tenant) {
        return store.tiers(tenant);
    }

    public TierSettings settings(TenantId tenant) {
        return store.settings(tenant);
    }

    public Optional<MemberTier> of(TenantId tenant, long customerId) {
        return store.memberTier(tenant, customerId);
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public void saveSettings(TenantId tenant, TierSettings settings) {
        try {
            java.time.MonthDay.of(settings.reviewMonth(), settings.reviewDay());
        } catch (java.time.DateTimeException e) {
            throw new UserFacingException("loyalty.tiers.error.review");
        }
        store.saveSettings(tenant, settings, clock.instant());
    }

    /** Adds a tier, or changes one ({@code id} not null). Thresholds are unique. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public LoyaltyTier save(TenantId tenant, @Nullable Long id, String name, BigDecimal threshold,
            @Nullable String benefits) {
        return save(tenant, id, name, threshold, benefits, null);
    }

    /** As {@link #save(TenantId, Long, String, BigDecimal, String)}, with a campaign whose code an upgrade gives. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public LoyaltyTier save(TenantId tenant, @Nullable Long id, String name, BigDecimal threshold,
            @Nullable String benefits, @Nullable Long upgradeCampaign) {
        if (upgradeCampaign != null && campaigns.couponTemplates(tenant).stream()
                .noneMatch(c -> c.id() == upgradeCampaign)) {
            throw new UserFacingException("campaigns.error.notTemplate");
        }
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new UserFacingException("loyalty.tiers.error.name");
        }
        if (threshold == null || threshold.signum() < 0) {
            throw new UserFacingException("loyalty.tiers.error.threshold");
        }
        String text = benefits == null || benefits.isBlank() ? null : benefits.strip();
        if (text != null && text.length() > 1000) {
            throw new UserFacingException("loyalty.tiers.error.benefits");
        }
        try {
            if (id != null && !store.update(tenant, id, name.strip(), threshold, text, upgradeCampaign)) {
                throw new NotFoundException("tier");
            }
            long found = id != null ? id : store.insert(tenant, name.strip(), threshold, text, upgradeCampaign);
            return store.tiers(tenant).stream().filter(t -> t.id() == found).findFirst().orElseThrow();
        } catch (DuplicateKeyException sameThreshold) {
            throw new UserFacingException("loyalty.tiers.error.duplicate");
        }
    }

    /** Removes a tier nobody holds. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public void delete(TenantId tenant, long id) {
        if (store.members(tenant, id) > 0) {
            throw new ConflictException("loyalty.tiers.error.inUse");
        }
        if (!store.delete(tenant, id)) {
            throw new NotFoundException("tier");
        }
    }

    /** What a night changed. */
    public record TierNight(int upgraded, int graced, int downgraded) {
    }

    /**
     * The night's tier decisions as of {@code today}: upgrades at once; on the review day, grace for members below
     * their tier's threshold the first time and a downgrade the second; grace ends when a member qualifies again.
     */
    @Transactional
    public TierNight review(TenantId tenant, LocalDate today) {
        List<LoyaltyTier> tiers = store.tiers(tenant);
        if (tiers.isEmpty()) {
            return new TierNight(0, 0, 0);
        }
        TierSettings settings = store.settings(tenant);
        Map<Long, BigDecimal> metric = settings.basis() == TierSettings.Basis.POINTS
                ? store.pointsEarnedSince(tenant, today.minusMonths(12).plusDays(1)
                        .atStartOfDay(tenants.profile(tenant).timeZone()).toInstant())
                : store.spentBetween(tenant, today.minusMonths(12), today);
        Map<Long, long[]> current = store.memberTiers(tenant);
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            rank.put(tiers.get(i).id(), i);
        }
        boolean reviewDay = today.getMonthValue() == settings.reviewMonth()
                && today.getDayOfMonth() == settings.reviewDay();
        Set<Long> customers = new HashSet<>(metric.keySet());
        customers.addAll(current.keySet());
        List<Object[]> set = new ArrayList<>();
        List<Long> graced = new ArrayList<>();
        List<Long> requalified = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        List<long[]> upgradeCoupons = new ArrayList<>();
        int upgraded = 0;
        int downgraded = 0;
        for (long customer : customers) {
            int qualifies = qualifyingRank(tiers, metric.getOrDefault(customer, BigDecimal.ZERO));
            long[] held = current.get(customer);
            int holds = held == null ? -1 : rank.getOrDefault(held[0], -1);
            boolean inGrace = held != null && held[1] == 1;
            if (qualifies > holds) {
                set.add(new Object[] {customer, tiers.get(qualifies).id(), today, false});
                upgraded++;
                if (tiers.get(qualifies).upgradeCampaignId() != null) {
                    upgradeCoupons.add(new long[] {customer, tiers.get(qualifies).upgradeCampaignId()});
                }
            } else if (qualifies == holds && inGrace) {
                requalified.add(customer);
            } else if (qualifies < holds && reviewDay) {
                if (!inGrace) {
                    graced.add(customer);
                } else if (qualifies < 0) {
                    removed.add(customer);
                    downgraded++;
                } else {
                    set.add(new Object[] {customer, tiers.get(qualifies).id(), today, false});
                    downgraded++;
                }
            }
        }
        store.setTiers(tenant, set);
        store.setGrace(tenant, graced, true);
        store.setGrace(tenant, requalified, false);
        store.removeTiers(tenant, removed);
        for (long[] coupon : upgradeCoupons) {
            try {
                // In a transaction of its own: a refusal must not undo the night's tier decisions.
                apart.executeWithoutResult(tx -> campaigns.issueCode(tenant, coupon[1], coupon[0]));
            } catch (UserFacingException notIssued) {
                // The campaign ended or the member is in its control group: the upgrade stands without a coupon.
                log.info("No upgrade coupon of campaign {} for customer {}: {}", coupon[1], coupon[0],
                        notIssued.getMessage());
            }
        }
        TierNight night = new TierNight(upgraded, graced.size(), downgraded);
        log.info("Loyalty tiers {}: {}", today, night);
        return night;
    }

    /** The index of the highest tier whose threshold the value reaches; -1 below the lowest. */
    private static int qualifyingRank(List<LoyaltyTier> tiers, BigDecimal value) {
        int found = -1;
        for (int i = 0; i < tiers.size(); i++) {
            if (value.compareTo(tiers.get(i).threshold()) >= 0) {
                found = i;
            }
        }
        return found;
    }
}
