package com.tierpilot.customer;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.BulkLoad;
import com.tierpilot.customer.persistence.IntakeStagingRepository;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of customers and orders in bulk (the importing module's files): rows are staged under a run id that the
 * caller chooses (the import run's), then merged set-based, in the caller's transaction, into customers, tags,
 * attributes, the sales state and orders, with the order summary refreshed and marketing consent handed to
 * {@link ConsentIntake}. Existing rows change only where a value differs, so the same rows merged again change
 * nothing.
 *
 * <p>The lines the merge turns away are handed back in the published staging table {@code import_stage_rejection}
 * (tenant_id, run_id, line_no, reason, field, detail), for the caller to read in the merge's transaction:
 * {@code DUPLICATE_IN_FILE} on {@code CUSTOMER_CODE} (a customer code repeated: the first line wins) or on
 * {@code ORDER_NO} (an order number repeated in an orders file: the first line wins), and
 * {@code CONFLICTING_CUSTOMER} on {@code CUSTOMER_CODE} (an order whose lines name more than one customer: each of
 * its lines). {@link #clear} removes them with the staged rows.
 */
@Service
@Transactional
public class CustomerIntakeService {

    private final IntakeStagingRepository staging;
    private final SalesStateService sales;
    private final ObjectProvider<ConsentIntake> consent;
    private final BulkLoad bulkLoad;
    private final TransactionTemplate ownTransaction;

    CustomerIntakeService(IntakeStagingRepository staging, SalesStateService sales,
            ObjectProvider<ConsentIntake> consent, BulkLoad bulkLoad, PlatformTransactionManager transactions) {
        this.staging = staging;
        this.sales = sales;
        this.consent = consent;
        this.bulkLoad = bulkLoad;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A writer of one run's rows into staging, each batch in a transaction of its own; through files and
     * {@code LOAD DATA LOCAL INFILE} where the database allows it.
     *
     * @param combineLines whether consecutive lines of one order and customer are summed up into one staged row (a
     *                     file of order lines); the line numbers they came from are kept for the rejections
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public IntakeStaging staging(TenantId tenant, long run, boolean combineLines) {
        return staging.writer(tenant, run, work -> ownTransaction.executeWithoutResult(status -> work.run()),
                bulkLoad.directory(), combineLines);
    }

    /** Merges the run's staged customers (with their tags, attributes, sales state and consent). */
    public IntakeCounts mergeCustomers(TenantId tenant, long run, Instant now, LocalDate today) {
        return staging.merger(sales, consent.getIfAvailable()).mergeCustomers(tenant, run, now, today);
    }

    /**
     * Merges the run's staged orders, creating the customers they name that do not exist yet, and refreshes the
     * order summary of the customers they touched.
     *
     * @param orderLines         whether the staged rows are order lines (grouped into orders by order number) rather
     *                           than one row per order (the first row of an order number wins)
     * @param cancellationPrefix whether an order number starting with C is a refund (order lines only)
     */
    public IntakeCounts mergeOrders(TenantId tenant, long run, boolean orderLines, boolean cancellationPrefix,
            Instant now) {
        return staging.merger(sales, consent.getIfAvailable()).mergeOrders(tenant, run, orderLines,
                cancellationPrefix, now);
    }

    /** Deletes the run's staged rows and the rejections handed back; done after the merge, committed or not. */
    public void clear(TenantId tenant, long run) {
        staging.clear(tenant, run);
    }
}
