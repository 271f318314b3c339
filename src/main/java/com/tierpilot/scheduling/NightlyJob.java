package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.RunTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one tenant: a thin adapter that reads the tenant id (and, from a retry's trigger, the attempt)
 * from its data map and hands them to the {@link NightlyPipeline}. Never two at once for the same tenant; a job that
 * was running on a node that died is recovered by another node ({@code requestsRecovery}).
 */
@DisallowConcurrentExecution
class NightlyJob implements Job {

    private final NightlyPipeline pipeline;

    NightlyJob(NightlyPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        TenantId tenant = TenantId.of(data.getLong(TenantSchedules.TENANT));
        int attempt = data.containsKey(TenantSchedules.ATTEMPT) ? data.getInt(TenantSchedules.ATTEMPT) : 1;
        RunTrigger trigger = data.containsKey(TenantSchedules.TRIGGER)
                ? RunTrigger.valueOf(data.getString(TenantSchedules.TRIGGER)) : RunTrigger.SCHEDULE;
        NightlyPipeline.Resume resume = data.containsKey(TenantSchedules.RESUME_RUN)
                ? new NightlyPipeline.Resume(data.getLong(TenantSchedules.RESUME_RUN),
                        data.getString(TenantSchedules.RESUME_STEP)) : null;
        pipeline.runScheduled(tenant, trigger, attempt, context.isRecovering(), resume);
    }
}
