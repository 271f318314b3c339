package com.tierpilot.base.persistence;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk loading of staged rows: tells whether {@code LOAD DATA LOCAL INFILE} can be used (MySQL/MariaDB with
 * {@code local_infile} on, and the driver allowed to load from the bulk directory, {@code tierpilot.bulk-load.dir}).
 * Found out once, with a load that is rolled back; when it is not available, callers write with batched inserts
 * (slower) and a warning says how to enable it.
 */
@Component
public class BulkLoad {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

    private final DatabaseDialect dialect;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Path dir;
    private final AtomicReference<Boolean> available = new AtomicReference<>();

    BulkLoad(DatabaseDialect dialect, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${tierpilot.bulk-load.dir:${java.io.tmpdir}/tierpilot-bulk}") Path dir) {
        this.dialect = dialect;
        this.jdbc = jdbc;
        // The probe runs in a transaction of its own: it is first asked for from inside an import's or a recompute's
        // transaction, which rolling back the probe row must not mark rollback-only.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dir = dir;
    }

    /** The directory to write {@link LocalInfile} files in, or null when rows must be written with batches. */
    public @Nullable Path directory() {
        return isAvailable() ? dir : null;
    }

    private boolean isAvailable() {
        Boolean known = available.get();
        if (known != null) {
            return known;
        }
        // Once per node: concurrent first callers wait for one probe instead of racing on the staging table.
        synchronized (available) {
            known = available.get();
            if (known == null) {
                known = dialect.isMySql() && probe();
                available.set(known);
            }
            return known;
        }
    }

    @TenantAgnostic("a capability probe that loads one row and rolls it back")
    private boolean probe() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            log.warn("Cannot create the bulk load directory {}; rows are written with batched inserts", dir, e);
            return false;
        }
        try (LocalInfile file = new LocalInfile(dir, "import_stage_tag",
                List.of("tenant_id", "run_id", "line_no", "customer_code", "tag"), -1)) {
            file.append(1, -1, 1, "probe", "probe");
            transaction.executeWithoutResult(status -> {
                file.load(jdbc, TenantId.of(1));
                status.setRollbackOnly();
            });
            log.info("Bulk writes use LOAD DATA LOCAL INFILE from {}", dir);
            return true;
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("LOAD DATA LOCAL INFILE is not available ({}); imports and recomputes write with batched"
                    + " inserts, which is several times slower. Enable local_infile on the database server.",
                    e.getMessage());
            return false;
        }
    }
}
