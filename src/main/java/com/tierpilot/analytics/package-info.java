/**
 * Dashboard read models and charts of the customer base. At the end of each published recompute
 * ({@code SegmentationPublished}) {@code persistence.DashboardReadModelRepository} aggregates the run once into the
 * {@code dashboard_*} tables; {@link com.tierpilot.analytics.DashboardService} reads them through
 * {@code persistence.DashboardQueries}, so that opening the dashboard costs the same for
 * 100 or 1,000,000 customers.
 *
 * <p>Like the customer list's segment filters, the read models are computed in SQL straight from the segmentation
 * module's published result tables ({@code customer_segment}, {@code segment_change}, {@code segment_size},
 * {@code segmentation_run}, {@code segmentation_state}), read-only and by run id: going through a Java API would mean
 * moving a million rows through objects for a few aggregates. Segmentation owns those tables and their schema.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = {"base", "tenant", "customer", "segmentation", "demo",
    "sales"})
@NullMarked
package com.tierpilot.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
