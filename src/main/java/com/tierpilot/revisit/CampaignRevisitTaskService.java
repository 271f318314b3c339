package com.tierpilot.revisit;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.campaign.CampaignTasks;
import com.tierpilot.revisit.persistence.RevisitRepository;
import com.tierpilot.revisit.persistence.RevisitRepository.NewTask;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revisit tasks of campaigns ({@link CampaignTasks}): each campaign gets a plan of its own (kind
 * {@link PlanKind#CAMPAIGN}, named after the campaign, with the chosen plan's channel, script and priority), so its
 * tasks show under the campaign's name in "My tasks", are never cancelled by the nightly cadence of another plan,
 * and a customer has at most one open task of the campaign (the database's rule). Due dates follow the revisit
 * plans' capacity rule ({@link DailyCapacity}): each manager's tasks fill the first working days with room, counting
 * the tasks they have already.
 */
@Service
@Transactional
class CampaignRevisitTaskService implements CampaignTasks {

    private final RevisitRepository store;
    private final TenantService tenants;
    private final Clock clock;

    CampaignRevisitTaskService(RevisitRepository store, TenantService tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanChoice> plans(TenantId tenant) {
        return store.plans(tenant, true).stream().filter(p -> p.kind() != PlanKind.MANUAL)
                .map(p -> new PlanChoice(p.id(), p.name(), RevisitPlan.isKey(p.name()),
                        p.channel().messageKey()))
                .toList();
    }

    @Override
    public int createTasks(TenantId tenant, long campaignId, String campaignName, long planId, Instant startsAt,
            Collection<Long> customers) {
        Instant now = clock.instant();
        RevisitPlan plan = store.campaignPlan(tenant, campaignId).orElseGet(() -> {
            RevisitPlan source = store.plan(tenant, planId).filter(RevisitPlan::active)
                    .orElseThrow(() -> new UserFacingException("campaigns.error.revisitPlan"));
            store.insertCampaignPlan(tenant, campaignId, campaignName, source, now);
            return store.campaignPlan(tenant, campaignId).orElseThrow();
        });
        LocalDate today = tenants.today(tenant);
        LocalDate start = startsAt.atZone(tenants.profile(tenant).timeZone()).toLocalDate();
        LocalDate from = start.isBefore(today) ? today : start;
        Set<Long> open = store.withOpenTask(tenant, plan.id());
        List<Long> due = customers.stream().filter(c -> !open.contains(c)).distinct().sorted().toList();
        Map<Long, Long> managers = store.managersOf(tenant, due);
        DailyCapacity capacity = new DailyCapacity(store.capacities(tenant), store.openLoad(tenant, today, null));
        List<NewTask> tasks = new ArrayList<>(due.size());
        for (long customer : due) {
            Long manager = managers.get(customer);
            tasks.add(new NewTask(customer, manager, capacity.place(manager, from)));
        }
        store.insertTasks(tenant, plan, tasks, now);
        return tasks.size();
    }

    @Override
    @Transactional(readOnly = true)
    public TaskCounts taskCounts(TenantId tenant, long campaignId) {
        return store.campaignPlan(tenant, campaignId).map(p -> {
            long[] counts = store.openAndDone(tenant, p.id());
            return new TaskCounts(counts[0], counts[1]);
        }).orElse(new TaskCounts(0, 0));
    }
}
