package com.tierpilot.loyalty;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.campaign.PointsCampaignService;
import com.tierpilot.loyalty.persistence.LoyaltyProgramRepository;
import com.tierpilot.loyalty.persistence.LoyaltyProgramRepository.EarnOrder;
import com.tierpilot.tenant.TenantService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loyalty programme: its earn rules, and the night's bookings. Each night, the orders since {@code earnFrom}
 * that have not earned yet earn points (refunds take them back), birthdays get their bonus, and expired points
 * leave the balance. Target members of a double-points campaign earn the order's points once more (reason CAMPAIGN)
 * for orders placed while it runs. Every booking goes through the ledger with its own idempotency key (order:, refund:,
 * birthday:, expiry:), so a night that runs twice books nothing twice.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class LoyaltyProgramService {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyProgramService.class);

    private final LoyaltyProgramRepository store;
    private final PointsLedgerService ledger;
    private final PointsCampaignService campaigns;
    private final TenantService tenants;
    private final Clock clock;

    LoyaltyProgramService(LoyaltyProgramRepository store, PointsLedgerService ledger, PointsCampaignService campaigns, TenantService tenants,
            Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.campaigns = campaigns;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Today in the company's time zone. */
    public LocalDate today(TenantId tenant) {
        return tenants.today(tenant);
    }

    public LoyaltyRules rules(TenantId tenant) {
        return store.rules(tenant);
    }

    /** Saves the rules as read at their version; refused when someone saved in the meantime. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional
    public LoyaltyRules save(TenantId tenant, LoyaltyRules rules) {
        if (rules.pointsPerUnit() == null || rules.pointsPerUnit().signum() < 0
                || rules.pointsPerUnit().compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new UserFacingException("loyalty.program.error.rate");
        }
        if (rules.birthdayBonus() < 0) {
            throw new UserFacingException("loyalty.program.error.bonus");
        }
        if (rules.expiryMode() == ExpiryMode.ROLLING && (rules.expiryMonths() == null || rules.expiryMonths() < 1
                || rules.expiryMonths() > 120)) {
            throw new UserFacingException("loyalty.program.error.months");
        }
        if (rules.enabled() && rules.earnFrom() == null) {
            throw new UserFacingException("loyalty.program.error.earnFrom");
        }
        for (var m : rules.multipliers()) {
            if (m.value() == null || m.value().isBlank() || m.value().length() > 100 || m.factor() == null
                    || m.factor().signum() <= 0 || m.factor().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new UserFacingException("loyalty.program.error.multiplier");
            }
        }
        if (rules.multipliers().stream().map(m -> m.kind() + ":" + m.value().strip().toLowerCase(java.util.Locale.ROOT))
                .distinct().count() != rules.multipliers().size()) {
            throw new UserFacingException("loyalty.program.error.multiplier");
        }
        if (!store.save(tenant, rules, clock.instant())) {
            throw new ConflictException("loyalty.program.error.changed");
        }
        return store.rules(tenant);
    }

    /** What a night booked. */
    public record NightResult(int ordersEarned, int refunds, int birthdays, int customersExpired, long pointsExpired) {

        @Override
        public String toString() {
            return ordersEarned + " orders earned, " + refunds + " refunds, " + birthdays + " birthdays, "
                    + pointsExpired + " points expired for " + customersExpired + " customers";
        }
    }

    /** The night's bookings for one company, as of {@code today} in its time zone. */
    public NightResult night(TenantId tenant, LocalDate today) {
        LoyaltyRules rules = store.rules(tenant);
        if (!rules.enabled()) {
            return new NightResult(0, 0, 0, 0, 0);
        }
        List<EarnOrder> orders = new ArrayList<>();
        store.unbookedOrders(tenant, rules.earnFrom(), today, orders::add);
        ZoneId zone = tenants.profile(tenant).timeZone();
        List<PointsCampaignService.Bonus> bonuses = orders.isEmpty() ? List.of() : campaigns.overlapping(tenant,
                rules.earnFrom().atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
        int earned = 0;
        int refunds = 0;
        for (EarnOrder o : orders) {
            if (o.refund()) {
                int points = rules.pointsFor(o.amount(), o.category(), o.channel());
                if (o.amount().signum() < 0 && points > 0) {
                    ledger.refund(tenant, o.customerId(), o.orderNo(), points);
                    refunds++;
                } else if (o.amount().signum() >= 0 && ledger.reverseOrder(tenant, o.customerId(), o.orderNo())
                        .points() != 0) {
                    refunds++;
                }
            } else {
                int points = rules.pointsFor(o.amount(), o.category(), o.channel());
                if (points > 0) {
                    LocalDate expires = rules.expiryMode().lastValidDay(o.orderDate(), rules.expiryMonths());
                    ledger.award(tenant, o.customerId(), points, PointsReason.ORDER, o.orderNo(),
                            "order:" + o.orderNo(), expires);
                    earned++;
                    Instant at = o.orderedAt().atZone(zone).toInstant();
                    for (PointsCampaignService.Bonus bonus : bonuses) {
                        if (bonus.covers(o.customerId(), at)) {
                            ledger.award(tenant, o.customerId(), points * (PointsCampaignService.MULTIPLIER - 1),
                                    PointsReason.CAMPAIGN, o.orderNo(), "campaign:" + bonus.campaignId() + ":"
                                            + o.orderNo(), expires);
                        }
                    }
                }
            }
        }
        int birthdays = 0;
        if (rules.birthdayBonus() > 0) {
            for (long customer : store.birthdays(tenant, today)) {
                if (!ledger.award(tenant, customer, rules.birthdayBonus(), PointsReason.BIRTHDAY, null,
                        "birthday:" + today.getYear() + ":" + customer, rules.expiryMode().lastValidDay(today,
                                rules.expiryMonths())).repeated()) {
                    birthdays++;
                }
            }
        }
        List<long[]> expiring = new ArrayList<>();
        store.expiring(tenant, today, (customer, points) -> expiring.add(new long[] {customer, points}));
        int customersExpired = 0;
        long pointsExpired = 0;
        for (long[] e : expiring) {
            try {
                int expired = ledger.expire(tenant, e[0], e[1], today);
                if (expired > 0) {
                    customersExpired++;
                    pointsExpired += expired;
                }
            } catch (PointsLedgerService.ExpiryRace raced) {
                log.info("Expiry of customer {} raced with a spend; it is retried next night", e[0]);
            }
        }
        NightResult result = new NightResult(earned, refunds, birthdays, customersExpired, pointsExpired);
        log.info("Loyalty night {}: {}", today, result);
        return result;
    }
}
