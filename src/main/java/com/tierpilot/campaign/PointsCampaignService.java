package com.tierpilot.campaign;

import com.tierpilot.base.TenantId;
import com.tierpilot.campaign.persistence.AlwaysOnRepository;
import com.tierpilot.campaign.persistence.CampaignRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The launched campaigns whose action is double loyalty points ({@link CampaignAction#LOYALTY_REWARD}): their
 * window and their target members (control members get nothing); and the always-on campaigns' double-points
 * steps. Read by the loyalty module when it books orders.
 */
@Service
@Transactional(readOnly = true)
public class PointsCampaignService {

    /** How many times the usual points a campaign's target members earn. */
    public static final int MULTIPLIER = 2;

    private final CampaignRepository store;
    private final AlwaysOnRepository alwaysOnStore;

    PointsCampaignService(CampaignRepository store, AlwaysOnRepository alwaysOnStore) {
        this.store = store;
        this.alwaysOnStore = alwaysOnStore;
    }

    /**
     * A double-points campaign and, per customer, the windows in which their purchases earn double: a one-off
     * campaign's target members from its start (inclusive) to its end (exclusive); an always-on campaign's entrants
     * for the days of its double-points step.
     */
    public record Bonus(long campaignId, String name, Map<Long, List<Window>> windows) {

        public boolean covers(long customerId, Instant at) {
            return windows.getOrDefault(customerId, List.of()).stream().anyMatch(w -> w.covers(at));
        }
    }

    /** From (inclusive) until (exclusive). */
    public record Window(Instant from, Instant until) {

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    /** The launched, not cancelled double-points campaigns, one-off and always-on, overlapping from–to. */
    public List<Bonus> overlapping(TenantId tenant, Instant from, Instant to) {
        List<Bonus> bonuses = new ArrayList<>();
        for (Campaign c : store.pointsCampaigns(tenant, from, to)) {
            Window window = new Window(c.startsAt(), c.endsAt());
            Map<Long, List<Window>> windows = new HashMap<>();
            store.targetMembers(tenant, c.id()).forEach(m -> windows.put(m, List.of(window)));
            bonuses.add(new Bonus(c.id(), c.name(), windows));
        }
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Map<Long, List<Window>>> alwaysOn = new HashMap<>();
        alwaysOnStore.pointsWindows(tenant, from, to, (campaign, name, customer, start, until) -> {
            names.put(campaign, name);
            alwaysOn.computeIfAbsent(campaign, k -> new HashMap<>()).computeIfAbsent(customer,
                    k -> new ArrayList<>()).add(new Window(start, until));
        });
        names.forEach((campaign, name) -> bonuses.add(new Bonus(campaign, name, alwaysOn.get(campaign))));
        return bonuses;
    }
}
