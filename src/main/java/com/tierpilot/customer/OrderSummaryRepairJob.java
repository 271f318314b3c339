package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job that repairs one company's order summary: a thin adapter that reads the tenant id from its data
 * map and hands it to {@link OrderSummaryService#repair}. Never two at once for the same company; one that was running
 * on a node that died is run again by another node.
 */
@DisallowConcurrentExecution
class OrderSummaryRepairJob implements Job {

    private final OrderSummaryService summaries;

    OrderSummaryRepairJob(OrderSummaryService summaries) {
        this.summaries = summaries;
    }

    @Override
    public void execute(JobExecutionContext context) {
        summaries.repair(TenantId.of(context.getMergedJobDataMap().getLong(OrderSummaryService.TENANT)));
    }
}
