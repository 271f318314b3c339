package com.tierpilot.churn;

import com.tierpilot.base.TenantId;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.scheduling.NightlyStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The nightly pipeline's last step: on Mondays, the owner's weekly churn summary by e-mail (when SMTP is set). */
@Component
@Order(40)
class ChurnSummaryStep implements NightlyStep {

    private final ChurnSummaryMailService mail;
    private final RevisitTaskService calendar;

    ChurnSummaryStep(ChurnSummaryMailService mail, RevisitTaskService calendar) {
        this.mail = mail;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "churn-summary";
    }

    @Override
    public Summary run(TenantId tenant, PipelineContext context) {
        return Summary.of(mail.sendIfDue(tenant, calendar.today(tenant)) ? "runs.step.churn-summary.mailed"
                : "runs.step.churn-summary.notDue");
    }
}
