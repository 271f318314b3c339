package com.tierpilot.analytics;

import com.tierpilot.analytics.persistence.GettingStartedRepository;
import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerStatisticsService;
import com.tierpilot.customer.OrderSpan;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new company's path to its first dashboard (issue 17, item 5): import customers and orders, check the criteria,
 * run the first recompute, as of the day after the last order when the data ends more than an RFM window ago (a
 * recompute as of today would find no active customer in old data). What is done is read from the data; the
 * company only records that it checked the criteria or dismissed the panel.
 */
@Service
@Transactional
public class GettingStartedService {

    private final GettingStartedRepository marks;
    private final CustomerStatisticsService statistics;
    private final SegmentationService segmentation;
    private final DashboardService dashboards;
    private final Clock clock;

    GettingStartedService(GettingStartedRepository marks, CustomerStatisticsService statistics, SegmentationService segmentation,
            DashboardService dashboards, Clock clock) {
        this.marks = marks;
        this.statistics = statistics;
        this.segmentation = segmentation;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    /** Where a company stands on its way to the first dashboard. */
    @Transactional(readOnly = true)
    public Progress progress(TenantId tenant) {
        return progress(tenant, marks.marks(tenant), dashboards.current(tenant));
    }

    /**
     * Where the company stands, while the panel can still show: empty once it was dismissed or a recompute found
     * active customers (the dashboard of the company's own data), without counting the company's orders, which every
     * dashboard of a company past the guide did (issue 17, item 9). {@code current} is the dashboard the caller
     * shows, so that it is not read twice.
     */
    @Transactional(readOnly = true)
    public Optional<Progress> openProgress(TenantId tenant, Optional<DashboardSnapshot> current) {
        GettingStartedRepository.Marks marked = marks.marks(tenant);
        if (marked.dismissed() || current.filter(snapshot -> snapshot.activeCustomers() > 0).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(progress(tenant, marked, current)).filter(Progress::showPanel);
    }

    private Progress progress(TenantId tenant, GettingStartedRepository.Marks marked,
            Optional<DashboardSnapshot> current) {
        OrderSpan span = statistics.orderSpan(tenant);
        LocalDate today = segmentation.today(tenant);
        int window = segmentation.settings(tenant).rfm().windowDays();
        LocalDate last = span.last();
        LocalDate suggested = last != null && last.isBefore(today.minusDays(window)) ? last.plusDays(1) : today;
        return new Progress(span.customers(), span.orders(), last, marked.criteriaChecked(), marked.dismissed(),
                current.map(DashboardSnapshot::asOf).orElse(null),
                current.map(DashboardSnapshot::activeCustomers).orElse(0), suggested, today, window);
    }

    /** The criteria step is ticked off when the user opens the criteria from the panel. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void criteriaChecked(TenantId tenant) {
        marks.markCriteriaChecked(tenant, clock.instant());
    }

    /** The panel goes away for the whole company. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void dismiss(TenantId tenant) {
        marks.markDismissed(tenant, clock.instant());
    }

    /** Starts the first recompute as of the suggested date, in the background; returns the run's id. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public long recompute(TenantId tenant) {
        return segmentation.startRun(tenant, progress(tenant).suggestedAsOf(), RunTrigger.MANUAL);
    }

    /**
     * A company's progress: its customers and orders, the last order's date, whether the criteria were checked and
     * the panel dismissed, the current run's date and active customers (none before the first recompute), and the
     * date the first recompute should score as of.
     */
    public record Progress(long customers, long orders, @Nullable LocalDate lastOrder, boolean criteriaChecked,
            boolean dismissed, @Nullable LocalDate currentAsOf, int activeCustomers, LocalDate suggestedAsOf,
            LocalDate today, int windowDays) {

        public boolean imported() {
            return orders > 0;
        }

        /** A recompute found active customers: the dashboard has something to show. */
        public boolean recomputed() {
            return currentAsOf != null && activeCustomers > 0;
        }

        /** The data ends more than an RFM window before today: the first recompute goes back in time. */
        public boolean dataIsOld() {
            return !suggestedAsOf.equals(today);
        }

        /** The panel shows until the company has a dashboard of its own data, or dismissed it. */
        public boolean showPanel() {
            return !dismissed && !(imported() && recomputed());
        }
    }
}
