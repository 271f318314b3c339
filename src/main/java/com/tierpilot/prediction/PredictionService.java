package com.tierpilot.prediction;

import com.tierpilot.base.TenantLogContext;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.persistence.BulkLoad;
import com.tierpilot.prediction.engine.BgNbd;
import com.tierpilot.prediction.engine.GammaGamma;
import com.tierpilot.prediction.engine.Predictions;
import com.tierpilot.prediction.engine.PurchaseHistories;
import com.tierpilot.prediction.persistence.PurchaseHistoryQueries;
import com.tierpilot.prediction.persistence.PredictionRepository;
import com.tierpilot.prediction.persistence.PredictionRepository.StoredModel;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Predicts, per tenant, which customers are still customers and what they will be worth: fits BG/NBD and
 * Gamma-Gamma to the customers' whole purchase histories up to a date, scores every customer who has bought, and
 * replaces the tenant's predictions in one transaction (readers see the previous predictions or the new ones).
 * A tenant with fewer than {@link #MIN_REPEAT_BUYERS} repeat buyers is scored with population defaults: the
 * published CDNOW fits, with the spend scaled to the tenant's own mean spend per purchase day. So is a tenant whose
 * fit is not plausible (a parameter on an edge of the region the fit searches, see {@link BgNbd#LOWER}): its model
 * says so ({@link PredictionModel#fitRejected()}).
 */
@Service
@Transactional(readOnly = true)
public class PredictionService {

    /** Fewer repeat buyers than this, and the fit would say more about chance than about the customers. */
    public static final int MIN_REPEAT_BUYERS = 200;

    /** Fader, Hardie and Lee (2005), CDNOW: the population default for a tenant too small to fit. */
    static final BgNbd DEFAULT_PURCHASES = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
    /** Fader and Hardie (2013), CDNOW: the shapes of the default spend model; its scale follows the tenant. */
    static final double DEFAULT_P = 6.25;
    static final double DEFAULT_Q = 3.74;

    private static final Logger log = LoggerFactory.getLogger(PredictionService.class);

    private final PurchaseHistoryQueries reader;
    private final PredictionRepository store;
    private final BulkLoad bulkLoad;
    private final TenantService tenants;
    private final SegmentationService segmentation;
    private final TaskExecutor executor;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    PredictionService(PurchaseHistoryQueries reader, PredictionRepository store, BulkLoad bulkLoad, TenantService tenants,
            SegmentationService segmentation, @Qualifier("recomputeExecutor") TaskExecutor executor,
            PlatformTransactionManager transactions, Clock clock) {
        this.reader = reader;
        this.tenants = tenants;
        this.segmentation = segmentation;
        this.executor = executor;
        this.store = store;
        this.bulkLoad = bulkLoad;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Fits and scores the tenant's customers as of {@code asOf} (orders before that day) and stores the result, with
     * the P(alive) moves tied to the company's current recompute (0 when it has none).
     * Runs in the calling thread.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PredictionModel predict(TenantId tenant, LocalDate asOf) {
        return predict(tenant, asOf, segmentation.currentRun(tenant).map(RunStatus::id).orElse(0L));
    }

    /**
     * Fits and scores the tenant's customers as of {@code asOf} (orders before that day) after the recompute
     * {@code runId}, and stores the result; the P(alive) moves are recorded with that run, so that removing the
     * runs of the sample data removes them too. Runs in the calling thread: the nightly pipeline runs it after the
     * recompute.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PredictionModel predict(TenantId tenant, LocalDate asOf, long runId) {
        try (MDC.MDCCloseable tenantInLogs = TenantLogContext.open(tenant)) {
            return predictNow(tenant, asOf, runId);
        }
    }

    private PredictionModel predictNow(TenantId tenant, LocalDate asOf, long runId) {
        long started = System.nanoTime();
        PurchaseHistoryQueries.Histories read = reader.read(tenant, asOf);
        PurchaseHistories histories = read.histories();
        int repeatBuyers = histories.repeatBuyers();
        boolean fitted = false;
        BgNbd purchases = DEFAULT_PURCHASES;
        GammaGamma spend = new GammaGamma(DEFAULT_P, DEFAULT_Q, Math.max(read.meanSpendPerDay(), 0.01)
                * (DEFAULT_Q - 1) / DEFAULT_P, Double.NaN);
        if (repeatBuyers >= MIN_REPEAT_BUYERS) {
            Optional<BgNbd> fitPurchases = checked("BG/NBD", () -> BgNbd.fit(histories), BgNbd::plausible);
            Optional<GammaGamma> fitSpend = checked("Gamma-Gamma", () -> GammaGamma.fit(histories),
                    GammaGamma::plausible);
            if (fitPurchases.isPresent() && fitSpend.isPresent()) {
                fitted = true;
                purchases = fitPurchases.get();
                spend = fitSpend.get();
            }
        }
        PredictionSettings settings = settings(tenant);
        Predictions predictions = Predictions.score(histories, purchases, spend,
                settings.monthlyDiscount().doubleValue());
        long took = (System.nanoTime() - started) / 1_000_000;
        StoredModel model = new StoredModel(asOf, fitted, histories.size(), repeatBuyers, purchases, spend,
                settings.monthlyDiscount(), clock.instant(), took);
        ownTransaction.executeWithoutResult(tx -> store.replace(tenant, model, runId, read.customerIds(), predictions,
                bulkLoad.directory()));
        log.info("Prediction as of {}: {} customers, {} repeat buyers, {} (r={}, alpha={}, a={}, b={}; p={}, q={},"
                + " v={}) in {} ms", asOf, histories.size(), repeatBuyers, fitted ? "fitted" : "population defaults",
                purchases.r(), purchases.alpha(), purchases.a(), purchases.b(), spend.p(), spend.q(), spend.v(),
                took);
        return toModel(model);
    }

    /**
     * A fit that can be used, or empty: one company's odd data (every parameter pushed to an edge of its region,
     * say) must not fail the night, so such a fit is logged and the population defaults are used instead.
     */
    private static <T> Optional<T> checked(String name, java.util.function.Supplier<T> fit,
            java.util.function.Predicate<T> plausible) {
        try {
            T result = fit.get();
            if (plausible.test(result)) {
                return Optional.of(result);
            }
            log.warn("{} fit rejected, population defaults used: {}", name, result);
        } catch (RuntimeException failed) {
            log.warn("{} fit failed, population defaults used", name, failed);
        }
        return Optional.empty();
    }

    /**
     * Predicts as of the tenant's today in the background (the recompute threads), for the "predict now" button;
     * the future completes with the model, or with the failure.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public CompletableFuture<PredictionModel> predictInBackground(TenantId tenant) {
        LocalDate today = tenants.today(tenant);
        try {
            return CompletableFuture.supplyAsync(() -> predict(tenant, today), executor);
        } catch (RejectedExecutionException busy) {
            throw new UserFacingException("prediction.error.busy");
        }
    }

    /** The model of the tenant's latest predictions, or empty before the first. */
    public Optional<PredictionModel> model(TenantId tenant) {
        return store.model(tenant).map(PredictionService::toModel);
    }

    /** What the latest predictions say: their distribution and the ten customers with the most value at risk. */
    public PredictionOutlook outlook(TenantId tenant) {
        return store.outlook(tenant, 10);
    }

    /** The customer's latest predictions, or empty when the customer has not bought or nothing was predicted. */
    public Optional<CustomerPrediction> forCustomer(TenantId tenant, long customerId) {
        return store.forCustomer(tenant, customerId).flatMap(v -> store.model(tenant)
                .map(m -> new CustomerPrediction(v[0], v[1], v[2], v[3], m.fitted())));
    }

    public PredictionSettings settings(TenantId tenant) {
        return store.settings(tenant).map(v -> new PredictionSettings(v[0], v[1]))
                .orElse(PredictionSettings.DEFAULTS);
    }

    /** Saves the tenant's settings; the discount rate applies from the next prediction. */
    @Transactional
    @PreAuthorize("hasRole('OWNER')")
    public PredictionSettings saveSettings(TenantId tenant, PredictionSettings settings) {
        settings.validate();
        store.saveSettings(tenant, settings.monthlyDiscount(), settings.churnThreshold(), clock.instant());
        return settings(tenant);
    }

    private static PredictionModel toModel(StoredModel m) {
        return new PredictionModel(m.asOf(), m.fitted(), m.customers(), m.repeatBuyers(), m.purchases().r(),
                m.purchases().alpha(), m.purchases().a(), m.purchases().b(), finite(m.purchases().logLikelihood()),
                m.spend().p(), m.spend().q(), m.spend().v(), finite(m.spend().logLikelihood()), m.monthlyDiscount(),
                m.computedAt(), m.tookMillis());
    }

    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
