package com.tierpilot.scheduling;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.RunTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one tenant: a thin adapter that reads the tenant id (and, from a retry's trigger, the attempt)
 * from its data map and hands them to the {@link NightlyPipelineService}. Never two at once for the same tenant; a job that
 * was running on a node that died is recovered by another node ({@code requestsRecovery}).
 */
@DisallowConcurrentExecution
class NightlyJob implements Job {

    private final NightlyPipelineService pipeline;

    NightlyJob(NightlyPipelineService pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        TenantId tenant = TenantId.of(data.getLong(TenantScheduleService.TENANT));
        int attempt = data.containsKey(TenantScheduleService.ATTEMPT) ? data.getInt(TenantScheduleService.ATTEMPT) : 1;
        RunTrigger trigger = data.containsKey(TenantScheduleService.TRIGGER)
                ? RunTrigger.valueOf(data.getString(TenantScheduleService.TRIGGER)) : RunTrigger.SCHEDULE;
        NightlyPipelineService.Resume resume = data.containsKey(TenantScheduleService.RESUME_RUN)
                ? new NightlyPipelineService.Resume(data.getLong(TenantScheduleService.RESUME_RUN),
                        data.getString(TenantScheduleService.RESUME_STEP)) : null;
        pipeline.runScheduled(tenant, trigger, attempt, context.isRecovering(), resume);
    }
}
