package com.tierpilot.loyalty;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.NightlyStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A nightly pipeline step: books the loyalty programme's night (orders earned, refunds, birthdays, expiry, with
 * double points for campaign members) and then decides the member tiers, for the company's today. Idempotent.
 */
@Component
@Order(20)
class LoyaltyStep implements NightlyStep {

    private final LoyaltyProgramService program;
    private final LoyaltyTierService tiers;

    LoyaltyStep(LoyaltyProgramService program, LoyaltyTierService tiers) {
        this.program = program;
        this.tiers = tiers;
    }

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        var today = program.today(tenant);
        var night = program.night(tenant, today);
        var review = tiers.review(tenant, today);
        return Summary.of("runs.step.loyalty.done", night.ordersEarned(), night.refunds(), night.birthdays(),
                night.pointsExpired(), night.customersExpired(), review.upgraded(), review.graced(),
                review.downgraded());
    }
}
