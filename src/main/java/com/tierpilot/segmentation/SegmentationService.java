package com.tierpilot.segmentation;

import com.tierpilot.base.TenantLogContext;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.ProgressListeners;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.base.persistence.BulkLoad;
import com.tierpilot.customer.OrderSummaryService;
import com.tierpilot.segmentation.RunStatus.Phase;
import com.tierpilot.segmentation.engine.CustomerMetrics;
import com.tierpilot.segmentation.engine.ScoredCustomers;
import com.tierpilot.segmentation.engine.ScoringEngine;
import com.tierpilot.segmentation.persistence.CustomerMetricsQueries;
import com.tierpilot.segmentation.persistence.SegmentResultRepository;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import com.tierpilot.segmentation.persistence.SegmentationSettingsRepository;
import com.tierpilot.tenant.TenantService;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's segmentation: its settings, and recompute runs. A run reads every customer's aggregated orders as of a
 * date, scores them, writes the results under its own run id, and then publishes them in one short transaction
 * that switches the tenant's current run. Readers therefore see the previous complete run or the new one, never a
 * mixture. The same date on the same data gives the same result, so a run that is repeated (say, recovered on
 * another node) is harmless.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class SegmentationService {

    private static final Logger log = LoggerFactory.getLogger(SegmentationService.class);
    /** A run that has not written a heartbeat for this long is taken to be dead. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);
    /** How long a full run waits for an intraday run of the tenant to free the slot. */
    private static final Duration INTRADAY_WAIT = Duration.ofSeconds(60);

    private final SegmentationSettingsRepository settings;
    private final CustomerMetricsQueries reader;
    private final SegmentResultRepository writer;
    private final SegmentationRunRepository runs;
    private final RuleSegmentService rules;
    private final BulkLoad bulkLoad;
    private final TenantService tenants;
    private final TaskExecutor executor;
    private final TransactionTemplate ownTransaction;
    private final ProgressListeners<RunStatus> progress = new ProgressListeners<>();
    private final String node;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OrderSummaryService orderSummaries;
    private final RunHeartbeats heartbeats;

    SegmentationService(SegmentationSettingsRepository settings, CustomerMetricsQueries reader, SegmentResultRepository writer, SegmentationRunRepository runs,
            RuleSegmentService rules, BulkLoad bulkLoad, TenantService tenants,
            @Qualifier("recomputeExecutor") TaskExecutor executor, PlatformTransactionManager transactions,
            @Value("${tierpilot.node-name:}") String nodeName, ApplicationEventPublisher events, Clock clock,
            OrderSummaryService orderSummaries, RunHeartbeats heartbeats) {
        this.orderSummaries = orderSummaries;
        this.heartbeats = heartbeats;
        this.events = events;
        this.settings = settings;
        this.reader = reader;
        this.writer = writer;
        this.runs = runs;
        this.rules = rules;
        this.bulkLoad = bulkLoad;
        this.tenants = tenants;
        this.executor = executor;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
        this.clock = clock;
    }

    public SegmentationSettings settings(TenantId tenant) {
        return settings.load(tenant);
    }

    /** Saves changed settings; they apply from the next run. Every change is recorded with who and when. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public SegmentationSettings saveSettings(TenantId tenant, UserId user, SegmentationSettings changed) {
        changed.validate();
        return ownTransaction.execute(status -> settings.save(tenant, user, changed, clock.instant()));
    }

    /**
     * Scores today's data with draft settings, in memory, and returns the distribution of customers and revenue per
     * segment of each scheme. Reads the orders once; nothing is written.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public SettingsPreview preview(TenantId tenant, SegmentationSettings draft) {
        draft.validate();
        LocalDate asOf = today(tenant);
        CustomerMetrics metrics = reader.read(tenant, asOf, draft.rfm().windowDays());
        ScoredCustomers scored = ScoringEngine.score(metrics, draft, asOf);
        java.util.Map<String, long[]> rfm = new java.util.TreeMap<>();
        java.util.Map<String, long[]> abc = new java.util.TreeMap<>();
        java.util.Map<String, long[]> lifecycle = new java.util.LinkedHashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            lifecycle.put(stage.key(), new long[2]);
        }
        long revenue = 0;
        for (int i = 0; i < scored.size(); i++) {
            long cents = metrics.monetaryCents(i);
            revenue += Math.max(0, cents);
            if (scored.segment(i) != null) {
                add(rfm, scored.segment(i).key(), cents);
                add(abc, scored.tier(i).name(), cents);
            }
            add(lifecycle, scored.stage(i).key(), cents);
        }
        return new SettingsPreview(asOf, scored.size(), java.math.BigDecimal.valueOf(revenue, 2), rows(rfm), rows(abc),
                rows(lifecycle));
    }

    private static void add(java.util.Map<String, long[]> counts, String segment, long cents) {
        long[] c = counts.computeIfAbsent(segment, k -> new long[2]);
        c[0]++;
        c[1] += cents;
    }

    private static List<SettingsPreview.Row> rows(java.util.Map<String, long[]> counts) {
        return counts.entrySet().stream().map(e -> new SettingsPreview.Row(e.getKey(), (int) e.getValue()[0],
                java.math.BigDecimal.valueOf(e.getValue()[1], 2))).toList();
    }

    /** The tenant's local date today: the default date a run scores as of. */
    public LocalDate today(TenantId tenant) {
        return tenants.today(tenant);
    }

    /**
     * The dates a run may score as of: from the day after the tenant's first order (the first day on which an order
     * counts; today without orders) to tomorrow in the company's time zone.
     */
    public AsOfRange asOfRange(TenantId tenant) {
        LocalDate today = today(tenant);
        LocalDate from = reader.firstOrderDate(tenant).map(d -> d.plusDays(1)).orElse(today);
        LocalDate to = today.plusDays(1);
        return new AsOfRange(from.isAfter(to) ? to : from, to);
    }

    /**
     * Starts a recompute in the background and returns its id.
     *
     * @throws UserFacingException {@code segmentation.error.asOf} with the allowed range when {@code asOf} lies
     *         outside {@link #asOfRange}
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'API')")
    public long startRun(TenantId tenant, @Nullable LocalDate asOf, RunTrigger trigger) {
        if (asOf != null) {
            AsOfRange allowed = asOfRange(tenant);
            if (!allowed.contains(asOf)) {
                throw allowed.refusal();
            }
        }
        long run = open(tenant, asOf == null ? today(tenant) : asOf, trigger);
        startOpened(tenant, run);
        return run;
    }

    /**
     * Computes, in the background, a run opened by {@link #openRun}: a caller that writes data for the run to score
     * (the sample data) holds the tenant's slot from before its write, so that no other run comes in between.
     *
     * @throws UserFacingException {@code segmentation.error.busy} when the recompute queue is full (the run fails)
     */
    public void startOpened(TenantId tenant, long run) {
        try {
            executor.execute(() -> compute(tenant, run, false));
        } catch (RejectedExecutionException busy) {
            fail(tenant, run, "the recompute queue is full");
            throw new UserFacingException("segmentation.error.busy");
        }
    }

    /** Gives up a run opened by {@link #openRun} before anything was computed: it fails and frees the slot. */
    public void abandon(TenantId tenant, long run, String reason) {
        fail(tenant, run, reason);
    }

    /** Whether a recompute of the tenant is running now (it holds the slot and still beats). */
    public boolean running(TenantId tenant) {
        return runs.running(tenant, clock.instant().minus(STALE_AFTER));
    }

    /** Runs a recompute to its end in this thread (the nightly job, tests); returns how it ended. */
    public RunStatus runNow(TenantId tenant, @Nullable LocalDate asOf, RunTrigger trigger) {
        long run = openRun(tenant, asOf, trigger);
        compute(tenant, run, false);
        return run(tenant, run);
    }

    /**
     * Opens a run and takes the tenant's recompute slot, without computing anything yet: callers that chain more
     * work after the recompute (the nightly pipeline) learn the run's id first, then {@link #execute} it.
     *
     * @throws UserFacingException when another recompute of the tenant is running
     */
    public long openRun(TenantId tenant, @Nullable LocalDate asOf, RunTrigger trigger) {
        return open(tenant, asOf == null ? today(tenant) : asOf, trigger);
    }

    /**
     * Computes and publishes a run opened by {@link #openRun}, in this thread, as the first step of a pipeline that
     * runs the follow-up work itself (see {@link SegmentationPublished#followUpsChained()}); returns how it ended.
     */
    public RunStatus execute(TenantId tenant, long run) {
        compute(tenant, run, true);
        return run(tenant, run);
    }

    public RunStatus run(TenantId tenant, long run) {
        return runs.find(tenant, run).orElseThrow(() -> new NotFoundException("run"));
    }

    /** The tenant's runs, newest first (a run whose node died is marked failed by {@link DeadNodeRuns}). */
    public List<RunStatus> runs(TenantId tenant, int offset, int limit) {
        return runs.history(tenant, offset, limit);
    }

    public int countRuns(TenantId tenant) {
        return runs.count(tenant);
    }

    /** The run readers see now, if the tenant was ever recomputed. */
    public Optional<RunStatus> currentRun(TenantId tenant) {
        return runs.state(tenant).flatMap(state -> runs.find(tenant, state.current()));
    }

    public Runnable onProgress(TenantId tenant, long run, Consumer<RunStatus> listener) {
        run(tenant, run);
        return progress.subscribe(run, listener);
    }

    private long open(TenantId tenant, LocalDate asOf, RunTrigger trigger) {
        SegmentationSettings current = settings.load(tenant);
        Instant now = clock.instant();
        long run = runs.create(tenant, asOf, trigger, node, current.version(), now);
        Instant giveUp = now.plus(INTRADAY_WAIT);
        while (!runs.takeSlot(tenant, run, clock.instant(), clock.instant().minus(STALE_AFTER))) {
            // An intraday run (issue 21) holds the slot for a moment: wait for it rather than fail.
            if (!runs.intradayHoldsSlot(tenant) || clock.instant().isAfter(giveUp)) {
                runs.fail(tenant, run, "another recompute of this tenant is running", clock.instant());
                throw new UserFacingException("segmentation.error.alreadyRunning");
            }
            pause();
        }
        return run;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("segmentation.error.alreadyRunning");
        }
    }

    private void compute(TenantId tenant, long run, boolean followUpsChained) {
        TenantLogContext.set(tenant);
        long started = System.nanoTime();
        RunHeartbeats.Beating beating = heartbeats.start(tenant, run);
        try {
            RunStatus status = run(tenant, run);
            SegmentationSettings current = settings.load(tenant);
            LocalDate asOf = status.asOf();
            CustomerMetrics metrics = readMetrics(tenant, asOf, current.rfm().windowDays());
            long read = System.nanoTime();
            report(tenant, run, Phase.SCORING, 300);
            ScoredCustomers scored = ScoringEngine.score(metrics, current, asOf);
            long scoredAt = System.nanoTime();
            if (noOrderBefore(metrics) && currentRun(tenant).filter(c -> c.customersScored() > 0).isPresent()) {
                // An as-of date before every order empties every segment: it must not replace a good run.
                log.warn("Recompute {} as of {} scored no customers; the current run stays", run, asOf);
                fail(tenant, run, "No customer had ordered before " + asOf + "; the current segments stay.");
                return;
            }
            report(tenant, run, Phase.WRITING, 400);
            ownTransaction.executeWithoutResult(tx -> writer.writeCustomers(tenant, run, scored,
                    bulkLoad.directory()));
            long written = System.nanoTime();
            report(tenant, run, Phase.COMMITTING, 800);
            Optional<Long> baseline = runs.baseline(tenant, asOf);
            Optional<SegmentResultRepository.Changes> moved = baseline.map(b -> writer.compare(tenant, b, scored));
            int changes = ownTransaction.execute(tx -> {
                rules.evaluate(tenant, run);
                writer.writeSizes(tenant, run, scored);
                return moved.map(c -> writer.writeChanges(tenant, run, scored, c, bulkLoad.directory())).orElse(0);
            });
            boolean published = Boolean.TRUE.equals(ownTransaction.execute(tx -> runs.publish(tenant, run,
                    baseline.orElse(null), metrics.size(), scored.scoredCount(), changes, clock.instant())));
            if (!published) {
                log.warn("Recompute {} lost its slot to another run and was not published", run);
                writer.removeRun(tenant, run);
                fail(tenant, run, "another run took over");
                return;
            }
            log.info("Recompute {} as of {}: {} customers ({} scored), {} changes in {} ms (read {} ms, score {} ms,"
                    + " write {} ms, commit {} ms)", run, asOf, metrics.size(), scored.scoredCount(), changes,
                    millis(started), (read - started) / 1_000_000, (scoredAt - read) / 1_000_000,
                    (written - scoredAt) / 1_000_000, millis(written));
            publishProgress(tenant, run);
            runs.state(tenant).ifPresent(state -> ownTransaction.executeWithoutResult(tx -> writer.removeOldRuns(tenant,
                    state.current(), state.previous())));
            events.publishEvent(new SegmentationPublished(tenant, run, asOf, followUpsChained));
        } catch (RuntimeException e) {
            log.error("Recompute {} failed", run, e);
            writer.removeRun(tenant, run);
            fail(tenant, run, String.valueOf(e.getMessage()));
        } finally {
            beating.close();
            TenantLogContext.clear();
        }
    }

    /**
     * The customers' metrics as of {@code asOf}. A run as of the company's today slides the order summary's window
     * to its window's first day and reads the summary (one row per customer, today's orders aside); any other date,
     * or a summary that cannot be used, reads the orders. Both give the same metrics, field for field.
     */
    private CustomerMetrics readMetrics(TenantId tenant, LocalDate asOf, int windowDays) {
        if (asOf.equals(today(tenant))) {
            try {
                orderSummaries.slideWindow(tenant, asOf.minusDays(windowDays));
                Optional<CustomerMetrics> summarised = reader.readSummarised(tenant, asOf, windowDays);
                if (summarised.isPresent()) {
                    return summarised.get();
                }
                log.warn("The order summary window of tenant {} moved during the read; reading the orders", tenant);
            } catch (RuntimeException e) {
                log.warn("The order summary of tenant {} could not be read; reading the orders", tenant, e);
            }
        }
        return reader.read(tenant, asOf, windowDays);
    }

    /** Whether no customer had a completed order before the as-of date: such a run scores nobody. */
    private static boolean noOrderBefore(CustomerMetrics metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.orders(i) > 0) {
                return false;
            }
        }
        return true;
    }

    private void fail(TenantId tenant, long run, String error) {
        runs.fail(tenant, run, error, clock.instant());
        publishProgress(tenant, run);
    }

    private void report(TenantId tenant, long run, Phase phase, int permille) {
        runs.progress(tenant, run, phase, permille, clock.instant());
        publishProgress(tenant, run);
    }

    private void publishProgress(TenantId tenant, long run) {
        runs.find(tenant, run).ifPresent(status -> progress.publish(run, status, status.finished()));
    }

    private static long millis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
