package com.tierpilot.analytics;

import com.tierpilot.analytics.persistence.DashboardReadModelRepository;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.segmentation.SegmentationPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes the dashboard's read models at the end of each published recompute, in the recompute's thread, so that
 * the dashboard shows the new run as soon as the recompute is done. A failure leaves the dashboard on the previous
 * run and does not undo the recompute (which is already published): it is logged with the tenant, and the next
 * recompute computes them again.
 */
@Component
class ReadModelsAfterRecompute {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsAfterRecompute.class);

    private final DashboardReadModelRepository readModels;

    ReadModelsAfterRecompute(DashboardReadModelRepository readModels) {
        this.readModels = readModels;
    }

    @EventListener
    void compute(SegmentationPublished published) {
        // The recompute's thread already logs under its tenant; set it only where it is missing.
        boolean tagged = MDC.get(TenantLogContext.KEY) == null;
        if (tagged) {
            TenantLogContext.set(published.tenant());
        }
        try {
            readModels.compute(published.tenant(), published.runId(), published.asOf());
        } catch (RuntimeException e) {
            log.error("Dashboard read models of run {} failed; the dashboard stays on the previous run",
                    published.runId(), e);
        } finally {
            if (tagged) {
                TenantLogContext.clear();
            }
        }
    }
}
