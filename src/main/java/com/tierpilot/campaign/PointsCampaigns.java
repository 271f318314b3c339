package com.tierpilot.campaign;

import com.tierpilot.base.TenantId;
import com.tierpilot.campaign.persistence.CampaignStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The launched campaigns whose action is double loyalty points ({@link CampaignAction#LOYALTY_REWARD}): their
 * window and their target members (control members get nothing). Read by the loyalty module when it books orders.
 */
@Service
@Transactional(readOnly = true)
public class PointsCampaigns {

    /** How many times the usual points a campaign's target members earn. */
    public static final int MULTIPLIER = 2;

    private final CampaignStore store;

    PointsCampaigns(CampaignStore store) {
        this.store = store;
    }

    /** A double-points campaign: from its start (inclusive) to its end (exclusive), for these customers. */
    public record Bonus(long campaignId, String name, Instant startsAt, Instant endsAt, Set<Long> targetMembers) {

        public boolean covers(long customerId, Instant at) {
            return !at.isBefore(startsAt) && at.isBefore(endsAt) && targetMembers.contains(customerId);
        }
    }

    /** The launched, not cancelled double-points campaigns that overlap {@code from}–{@code to}. */
    public List<Bonus> overlapping(TenantId tenant, Instant from, Instant to) {
        return store.pointsCampaigns(tenant, from, to).stream()
                .map(c -> new Bonus(c.id(), c.name(), c.startsAt(), c.endsAt(),
                        Set.copyOf(store.targetMembers(tenant, c.id()))))
                .toList();
    }
}
