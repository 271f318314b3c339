package com.tierpilot.campaign;

import com.tierpilot.base.TenantId;
import com.tierpilot.scheduling.NightlyStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A nightly pipeline step after the recompute, the predictions and the loyalty night: the always-on campaigns enrol
 * those who met their triggers in tonight's run and act on the steps that are due. Idempotent, as steps must be.
 */
@Component
@Order(25)
class AlwaysOnNightStep implements NightlyStep {

    private final AlwaysOnCampaignService campaigns;

    AlwaysOnNightStep(AlwaysOnCampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String name() {
        return "always-on";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        var night = campaigns.night(tenant, context.asOf());
        return Summary.of("runs.step.always-on.done", night.entered(), night.control(), night.exited(),
                night.stepsDone(), night.stepsSkipped());
    }
}
