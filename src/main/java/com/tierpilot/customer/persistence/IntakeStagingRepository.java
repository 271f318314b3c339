package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.customer.ConsentIntake;
import com.tierpilot.customer.IntakeStaging;
import com.tierpilot.customer.SalesStateService;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * An intake run's staging tables: opens the writer that streams rows into them, the merger that takes them into
 * customers and orders, and clears them (with the rejections the merge handed back) when the run ends.
 */
@Repository
public class IntakeStagingRepository {

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;
    private final OrderSummaryRepository summaries;

    IntakeStagingRepository(JdbcTemplate jdbc, DatabaseDialect dialect, OrderSummaryRepository summaries) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.summaries = summaries;
    }

    /**
     * A writer of one run's rows into staging.
     *
     * @param transaction runs a flush of buffered rows in a transaction of its own
     * @param bulkDir     where to write staging files for {@code LOAD DATA LOCAL INFILE}, or null to stage with
     *                    batched inserts
     * @param combineLines whether order lines of one order are combined into the order (an order-lines file)
     */
    public IntakeStaging writer(TenantId tenant, long run, Consumer<Runnable> transaction, @Nullable Path bulkDir,
            boolean combineLines) {
        return new IntakeStagingWriter(jdbc, tenant, run, transaction, bulkDir, combineLines);
    }

    /**
     * The merger of staged rows into customers and orders; with {@code sales} a customer file's sales columns are
     * merged too, with {@code consent} its marketing consent.
     */
    public IntakeMerger merger(@Nullable SalesStateService sales, @Nullable ConsentIntake consent) {
        return new IntakeMerger(jdbc, dialect, sales, summaries, consent);
    }

    /** Deletes the run's staged rows. */
    public void clear(TenantId tenant, long run) {
        merger(null, null).clearStaging(tenant, run);
    }
}
