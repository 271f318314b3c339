package com.tierpilot.demo;

import com.tierpilot.base.TenantLogContext;
import com.tierpilot.base.SampleDataRemoval;
import com.tierpilot.base.TenantId;
import com.tierpilot.demo.persistence.SampleDataRepository;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sample data for a company that wants to try TierPilot before importing its own (issue 17, item 5): a slice of the
 * demo store's generated customers and two years of their orders, loaded into the company itself and marked as
 * sample, then removed in one click. Removal publishes {@link SampleDataRemoval} so that every module deletes its own
 * rows of the sample customers and of the recomputes that scored them; the customers and orders go last.
 */
@Service
@Transactional
public class SampleDataService {

    private static final Logger log = LoggerFactory.getLogger(SampleDataService.class);
    static final String PREFIX = "SAMPLE-";
    static final int CUSTOMERS = 400;
    static final int ORDERS = 4000;
    private static final long SEED = 7;

    private final SampleDataRepository samples;
    private final CustomerBulkService customers;
    private final SegmentationService segmentation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TenantService tenants;
    private final Clock clock;

    SampleDataService(SampleDataRepository samples, CustomerBulkService customers, SegmentationService segmentation,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, TenantService tenants,
            Clock clock) {
        this.samples = samples;
        this.tenants = tenants;
        this.customers = customers;
        this.segmentation = segmentation;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The sample loaded into the company, if any. */
    @Transactional(readOnly = true)
    public Optional<Loaded> loaded(TenantId tenant) {
        var zone = tenants.profile(tenant).timeZone();
        return samples.find(tenant).map(s -> new Loaded(s.loadedAt(), s.loadedAt().atZone(zone).toLocalDate(),
                s.customers(), s.orders(), s.firstRunId()));
    }

    /**
     * Loads the sample into the company in one transaction, then computes a recompute as of today in the background
     * and returns its id, so that the dashboard has something to show. The recompute is opened first, and holds the
     * company's recompute slot while the sample is written: it is the first run that sees the sample, and its id is
     * recorded with the sample, so that removal takes the runs from that id on.
     *
     * @throws UserFacingException {@code sample.error.loaded} when the company has the sample already,
     *         {@code segmentation.error.alreadyRunning} when a recompute of the company is running
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public long load(TenantId tenant) {
        if (loaded(tenant).isPresent()) {
            throw new UserFacingException("sample.error.loaded");
        }
        long run = segmentation.openRun(tenant, null, RunTrigger.MANUAL);
        try {
            transaction.executeWithoutResult(status -> write(tenant, run));
        } catch (RuntimeException notLoaded) {
            segmentation.abandon(tenant, run, "the sample data was not loaded");
            throw notLoaded;
        }
        segmentation.startOpened(tenant, run);
        return run;
    }

    /**
     * Removes the sample customers and everything hanging off them, and the recomputes made while the sample was
     * loaded; returns how many customers went. The company is then as it was before the sample.
     *
     * Refused while a recompute of the company runs (it may be scoring the sample). Predictions fitted with the sample
     * and written while the removal commits are kept off by a lock on the sample customers (see the predictions'
     * store).
     *
     * @throws UserFacingException {@code sample.error.none} when the company has no sample data,
     *         {@code sample.error.running} while a recompute of the company is running
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public int remove(TenantId tenant) {
        Loaded sample = loaded(tenant).orElseThrow(() -> new UserFacingException("sample.error.none"));
        if (segmentation.running(tenant)) {
            throw new UserFacingException("sample.error.running");
        }
        customers.lockSample(tenant);
        long firstRun = sample.firstRunId() == null ? Long.MAX_VALUE : sample.firstRunId();
        events.publishEvent(new SampleDataRemoval(tenant, sample.loadedAt(), firstRun));
        int removed = customers.removeSample(tenant);
        samples.delete(tenant);
        try (MDC.MDCCloseable mdc = TenantLogContext.open(tenant)) {
            log.info("Removed the sample data: {} customers, and the recomputes from run {} on", removed,
                    firstRun == Long.MAX_VALUE ? "none" : firstRun);
        }
        return removed;
    }

    private void write(TenantId tenant, long firstRun) {
        Instant now = clock.instant();
        try {
            samples.start(tenant, now, firstRun);
        } catch (DuplicateKeyException loadedBefore) {
            throw new UserFacingException("sample.error.loaded");
        }
        LocalDate yesterday = segmentation.today(tenant).minusDays(1);
        var data = new DemoDataGenerator(SEED, yesterday, PREFIX).generate(CUSTOMERS, ORDERS, List.of());
        var size = customers.loadSample(tenant, data.customers(), data.orders());
        samples.recordSize(tenant, size.customers(), size.orders());
    }

    /**
     * A loaded sample: when (and on which day in the company's zone), how many customers and orders, and the id of
     * the recompute started for it (null for a sample loaded before the id was recorded and never recomputed).
     */
    public record Loaded(Instant loadedAt, LocalDate loadedOn, int customers, int orders, @Nullable Long firstRunId) {
    }
}
