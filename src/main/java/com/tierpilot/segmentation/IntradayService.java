package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.customer.OrdersChanged;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import com.tierpilot.segmentation.engine.CutPoints;
import com.tierpilot.segmentation.engine.FrozenScoring;
import com.tierpilot.segmentation.engine.ScoredCustomers;
import com.tierpilot.segmentation.persistence.IntradayRepository;
import com.tierpilot.segmentation.persistence.SegmentResultRepository;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import com.tierpilot.segmentation.persistence.SegmentationSettingsRepository;
import com.tierpilot.tenant.TenantService;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh within a minute (issue 21, opt-in per company): the customers whose orders come through the REST API are
 * rescored by an intraday run soon after, while the rest keep what the last full run gave them.
 * <ul>
 * <li>An order batch records its customers (intraday_pending) in its own transaction; {@link IntradayPoller} starts
 * a run for a company once its batches pause for a moment, or at the latest after a few seconds.</li>
 * <li>The run holds the company's recompute slot like any run (never beside a full run of the company), copies the
 * rows of every other customer from the current run set-based, scores the recorded customers with the cut points of
 * the last full run ({@link CutPoints}: one order moves one customer, not the whole base), as of the day after the
 * run's date, so that today's orders are inside the window; evaluates the rule segments for them; writes the sizes
 * and the changes; and publishes through the same atomic switch.</li>
 * <li>Its as-of date stays that of the current run: the moves, the churn list and the always-on triggers keep
 * comparing with the same earlier day, and the next full run compares with it.</li>
 * <li>It applies only while the current run is as of today and was scored with today's settings; otherwise the
 * waiting customers are left to the next full run, which covers every order recorded before it started.</li>
 * </ul>
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class IntradayService {

    private static final Logger log = LoggerFactory.getLogger(IntradayService.class);

    /** How long before a full run's start an order batch may have recorded its customers and committed after. */
    private static final java.time.Duration COMMIT_MARGIN = java.time.Duration.ofMinutes(1);

    private final IntradayRepository store;
    private final SegmentationRunRepository runs;
    private final SegmentationSettingsRepository settings;
    private final SegmentResultRepository writer;
    private final RuleSegmentService rules;
    private final TenantService tenants;
    private final TransactionTemplate ownTransaction;
    private final String node;
    private final Clock clock;
    private final RunHeartbeats heartbeats;

    IntradayService(IntradayRepository store, SegmentationRunRepository runs, SegmentationSettingsRepository settings,
            SegmentResultRepository writer, RuleSegmentService rules, TenantService tenants,
            PlatformTransactionManager transactions, @Value("${tierpilot.node-name:}") String nodeName, Clock clock,
            RunHeartbeats heartbeats) {
        this.heartbeats = heartbeats;
        this.store = store;
        this.runs = runs;
        this.settings = settings;
        this.writer = writer;
        this.rules = rules;
        this.tenants = tenants;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
        this.clock = clock;
    }

    /** Whether the company keeps its segments fresh within a minute of API orders. */
    public boolean enabled(TenantId tenant) {
        return store.enabled(tenant);
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void setEnabled(TenantId tenant, boolean enabled) {
        ownTransaction.executeWithoutResult(tx -> {
            store.setEnabled(tenant, enabled, clock.instant());
            if (!enabled) {
                store.dropWaiting(tenant);
            }
        });
    }

    /** Records the customers of an order batch, in the batch's transaction, when the company opted in. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void ordersChanged(OrdersChanged changed) {
        if (store.enabled(changed.tenant())) {
            store.record(changed.tenant(), changed.customerIds(), clock.instant());
        }
    }

    /**
     * A full run read every order committed before it started: those customers wait no more. A minute's margin keeps
     * the customers of a batch whose transaction was still open then; they are rescored once more.
     */
    @EventListener
    void fullRunPublished(SegmentationPublished published) {
        runs.find(published.tenant(), published.runId()).ifPresent(run -> ownTransaction.executeWithoutResult(
                tx -> store.coveredByFullRun(published.tenant(), run.startedAt().minus(COMMIT_MARGIN))));
    }

    /**
     * The cut points in force: those of the full run of {@code baseAsOf}, and how many customers intraday runs
     * updated since, the last at {@code lastUpdate}; empty before the first run.
     */
    public Optional<CutPointsInForce> cutPointsInForce(TenantId tenant) {
        return runs.state(tenant).flatMap(state -> runs.find(tenant, state.current())).flatMap(current -> {
            Long base = current.trigger() == RunTrigger.INTRADAY ? store.base(tenant, current.id()) : current.id();
            return base == null ? Optional.empty() : runs.find(tenant, base).map(full -> {
                Optional<IntradayRepository.Updated> updated = store.updatedSince(tenant, full.id());
                return new CutPointsInForce(full.asOf(), full.finishedAt(),
                        updated.map(IntradayRepository.Updated::customers).orElse(0),
                        updated.map(IntradayRepository.Updated::lastAt).orElse(null), store.enabled(tenant));
            });
        });
    }

    /** See {@link #cutPointsInForce}. */
    public record CutPointsInForce(LocalDate baseAsOf, @Nullable Instant baseFinishedAt, int customersUpdated,
            @Nullable Instant lastUpdate, boolean enabled) {
    }

    /** The companies whose waiting customers are due for an intraday run. */
    List<TenantId> due(Instant quietSince, Instant waitedSince) {
        return store.due(quietSince, waitedSince);
    }

    /**
     * Runs an intraday run of the company now, in this thread, if customers wait and the company's slot is free;
     * returns how it ended (empty: nothing to do, or a run of the company is going on and this one tries later).
     */
    public Optional<RunStatus> run(TenantId tenant) {
        TenantLogContext.set(tenant);
        try {
            return runOnce(tenant);
        } finally {
            TenantLogContext.clear();
        }
    }

    private Optional<RunStatus> runOnce(TenantId tenant) {
        long started = System.nanoTime();
        Optional<SegmentationRunRepository.Pointers> before = runs.state(tenant);
        if (before.isEmpty() || !store.enabled(tenant)) {
            leaveToFullRun(tenant, "the company has no run yet or did not opt in");
            return Optional.empty();
        }
        SegmentationSettings current = settings.load(tenant);
        Instant now = clock.instant();
        RunStatus currentRun = runs.find(tenant, before.get().current()).orElseThrow();
        long run = runs.create(tenant, currentRun.asOf(), RunTrigger.INTRADAY, node, current.version(), now);
        if (!runs.takeSlot(tenant, run, now, now.minus(SegmentationService.STALE_AFTER))) {
            ownTransaction.executeWithoutResult(tx -> {
                runs.fail(tenant, run, "another recompute of this tenant is running", now);
                store.forget(tenant, run);
            });
            return Optional.empty();
        }
        // The copy of every other customer takes longer than STALE_AFTER at a million customers.
        RunHeartbeats.Beating beating = heartbeats.start(tenant, run);
        try {
            // Read again under the slot: a full run may have been published in between.
            var state = runs.state(tenant).orElseThrow();
            RunStatus from = runs.find(tenant, state.current()).orElseThrow();
            Long base = from.trigger() == RunTrigger.INTRADAY ? store.base(tenant, from.id()) : from.id();
            String refusal = base == null ? "the current run has no full run below it"
                    : !from.asOf().equals(tenants.today(tenant)) ? "the current run is not as of today"
                    : store.settingsVersion(tenant, base) != current.version() ? "the settings changed since"
                    : null;
            if (refusal != null) {
                ownTransaction.executeWithoutResult(tx -> {
                    runs.fail(tenant, run, refusal, clock.instant());
                    store.forget(tenant, run);
                });
                leaveToFullRun(tenant, refusal);
                return Optional.empty();
            }
            long full = base;
            RunStatus fullRun = runs.find(tenant, full).orElseThrow();
            store.setBase(tenant, run, full);
            ownTransaction.executeWithoutResult(tx -> store.claim(tenant, run));
            List<Long> claimed = store.claimed(tenant, run);
            CutPoints cuts = store.cutPoints(tenant, full).orElseGet(() -> {
                if (from.id() != full) {
                    throw new IllegalStateException("the cut points of full run " + full + " were not kept");
                }
                return store.deriveCutPoints(tenant, full);
            });
            LocalDate scoreAsOf = from.asOf().plusDays(1);
            CustomerMetrics metrics = store.metrics(tenant, claimed, scoreAsOf, current.rfm().windowDays());
            ScoredCustomers scored = FrozenScoring.score(metrics, current, cuts, scoreAsOf);
            Long baseline = state.previous();
            List<Long> keptWhole = store.rulesChangedSince(tenant, fullRun.startedAt());
            int changes = ownTransaction.execute(tx -> {
                store.copyUnclaimed(tenant, from.id(), run);
                writer.writeCustomers(tenant, run, scored, null);
                store.copyRuleMembers(tenant, from.id(), run, keptWhole);
                rules.evaluateClaimed(tenant, run, keptWhole);
                store.writeSizes(tenant, run);
                writer.writeRuleSizes(tenant, run);
                return baseline == null ? 0
                        : store.copyChanges(tenant, from.id(), run) + store.writeChanges(tenant, baseline, run, scored);
            });
            int[] totals = store.totals(tenant, run);
            boolean published = Boolean.TRUE.equals(ownTransaction.execute(tx -> runs.publish(tenant, run, baseline,
                    totals[0], totals[1], changes, clock.instant())));
            if (!published) {
                throw new IllegalStateException("another run took over");
            }
            ownTransaction.executeWithoutResult(tx -> writer.removeOldRuns(tenant, run, baseline));
            log.info("Intraday run {} on top of full run {} as of {}: {} customers rescored as of {}, {} changes in all,"
                    + " in {} ms", run, full, from.asOf(), claimed.size(), scoreAsOf, changes,
                    (System.nanoTime() - started) / 1_000_000);
            return runs.find(tenant, run);
        } catch (RuntimeException e) {
            log.error("Intraday run {} failed; its customers wait for the next one", run, e);
            writer.removeRun(tenant, run);
            ownTransaction.executeWithoutResult(tx -> {
                store.release(tenant, run);
                runs.fail(tenant, run, String.valueOf(e.getMessage()), clock.instant());
            });
            return runs.find(tenant, run);
        } finally {
            beating.close();
        }
    }

    private void leaveToFullRun(TenantId tenant, String why) {
        int dropped = ownTransaction.execute(tx -> store.dropWaiting(tenant));
        if (dropped > 0) {
            log.info("No intraday run ({}): {} recorded customers are left to the next full run", why, dropped);
        }
    }
}
