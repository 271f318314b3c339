package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.persistence.SegmentResultQueries;
import com.tierpilot.segmentation.persistence.SegmentResultQueries.SegmentCount;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import com.tierpilot.base.security.DataScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the results of a tenant's current run. Each method resolves the current run once, so what it returns is
 * all from one complete run, even while the next run is being written or published.
 */
@Service
@Transactional(readOnly = true)
public class SegmentResultService {

    private final SegmentResultQueries queries;
    private final SegmentationRunRepository runs;

    SegmentResultService(SegmentResultQueries queries, SegmentationRunRepository runs) {
        this.queries = queries;
        this.runs = runs;
    }

    /** Every segment of every scheme in the current run, with its revenue share and its change since the last run. */
    public List<SegmentSize> sizes(TenantId tenant) {
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty()) {
            return List.of();
        }
        long current = state.get().current();
        Long previous = state.get().previous();
        Map<String, Integer> before = new HashMap<>();
        if (previous != null) {
            queries.storedSizes(tenant, previous).forEach(size -> before.put(size.key(), size.customers()));
        }
        Map<String, String> ruleNames = queries.ruleNames(tenant);
        BigDecimal total = queries.positiveRevenue(tenant, current, DataScope.ALL);
        List<SegmentSize> sizes = new ArrayList<>();
        for (SegmentCount size : queries.storedSizes(tenant, current)) {
            Integer was = previous == null ? null : before.getOrDefault(size.key(), 0);
            sizes.add(size(size, ruleNames, total, was));
        }
        sizes.addAll(gradeSizes(tenant, current, DataScope.ALL, total));
        sizes.sort(ORDER);
        return sizes;
    }

    /**
     * {@link #sizes(TenantId)} as the scope sees it (issue 20, data scope): for an account manager, the segments'
     * customers and revenue are of their own customers and the shared pool's, counted when read from the current
     * and previous runs' per-customer results; the rule segments from their members.
     */
    public List<SegmentSize> sizes(TenantId tenant, DataScope scope) {
        if (scope.all()) {
            return sizes(tenant);
        }
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty()) {
            return List.of();
        }
        Map<String, String> ruleNames = queries.ruleNames(tenant);
        Map<String, SegmentCount> now = queries.scopedSizes(tenant, state.get().current(), scope);
        Map<String, SegmentCount> before = state.get().previous() == null ? null
                : queries.scopedSizes(tenant, state.get().previous(), scope);
        BigDecimal total = queries.positiveRevenue(tenant, state.get().current(), scope);
        List<SegmentSize> sizes = new ArrayList<>();
        now.forEach((key, size) -> {
            Integer was = before == null ? null : before.containsKey(key) ? before.get(key).customers() : 0;
            sizes.add(size(size, ruleNames, total, was));
        });
        sizes.addAll(gradeSizes(tenant, state.get().current(), scope, total));
        sizes.sort(ORDER);
        return sizes;
    }

    /**
     * The prospects' A-E grades (issue 20) as a scheme, {@code GRADE}, among the current run's customers the scope
     * reaches: customers and revenue per grade as graded now (grades are computed every night, not per run), no
     * change since the previous run.
     */
    private List<SegmentSize> gradeSizes(TenantId tenant, long run, DataScope scope, BigDecimal total) {
        return queries.gradeSizes(tenant, run, scope).stream().map(size -> size(size, Map.of(), total, null))
                .toList();
    }

    private static SegmentSize size(SegmentCount size, Map<String, String> ruleNames, BigDecimal total,
            @Nullable Integer was) {
        double share = total.signum() == 0 ? 0
                : size.revenue().max(BigDecimal.ZERO).doubleValue() / total.doubleValue();
        return new SegmentSize(size.scheme(), size.segment(), "RULE".equals(size.scheme())
                ? ruleNames.getOrDefault(size.segment(), size.segment()) : size.segment(), size.customers(),
                size.revenue(), share, was == null ? null : size.customers() - was);
    }

    private static final Comparator<SegmentSize> ORDER = Comparator.comparing(SegmentSize::scheme)
            .thenComparingInt(SegmentResultService::rank).thenComparing(SegmentSize::segment);

    /**
     * Where a segment stands in its scheme: RFM segments in the map's order (Champions first), lifecycle stages in
     * their order, the others (ABC tiers, rule segments) by key (issue 17, item 8).
     */
    static int rank(SegmentSize size) {
        try {
            return switch (size.scheme()) {
                case "RFM" -> RfmSegment.ofKey(size.segment()).ordinal();
                case "LIFECYCLE" -> LifecycleStage.ofKey(size.segment()).ordinal();
                default -> 0;
            };
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    /** The customer's metrics and segments in the current run. */
    public Optional<CustomerSegmentation> forCustomer(TenantId tenant, long customerId) {
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        long run = state.get().current();
        return queries.customer(tenant, run, runs.find(tenant, run).orElseThrow().asOf(), customerId);
    }

    /** The customer's moves between segments, oldest first, with the run dates they were seen at. */
    public List<TimelineEntry> timeline(TenantId tenant, long customerId) {
        return queries.timeline(tenant, customerId);
    }
}
