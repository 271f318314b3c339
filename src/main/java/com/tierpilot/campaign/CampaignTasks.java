package com.tierpilot.campaign;

import com.tierpilot.base.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Revisit tasks for campaign members (SPI). The revisit module, which owns the revisit plans, the tasks and the
 * managers' daily capacities, implements it; campaigns call it for the revisit-plan action
 * ({@link CampaignAction#REVISIT_PLAN}) without depending on that module.
 */
public interface CampaignTasks {

    /** A revisit plan a campaign can take its channel and script from. */
    record PlanChoice(long id, String name, boolean nameIsKey, String channelKey) {

        /** The plan's name in the viewer's language (a preset's name is a message key) or as its author wrote it. */
        public String displayName(Function<String, String> translate) {
            return nameIsKey ? translate.apply(name) : name;
        }
    }

    /** The active revisit plans a campaign can use, most urgent first. */
    List<PlanChoice> plans(TenantId tenant);

    /**
     * Gives each customer one open revisit task of the campaign, with the plan's channel and script, for the
     * customer's account manager (or the unassigned queue), due from {@code startsAt} (today at the earliest) on
     * the first working day each manager has room for under the daily capacities. A customer who has an open task
     * of the campaign already gets no second one. Returns how many tasks were created.
     */
    int createTasks(TenantId tenant, long campaignId, String campaignName, long planId, Instant startsAt,
            Collection<Long> customers);

    /** The campaign's tasks: open and done (cancelled ones not counted). */
    TaskCounts taskCounts(TenantId tenant, long campaignId);

    /** How many of a campaign's tasks are open and how many done. */
    record TaskCounts(long open, long done) {
    }
}
