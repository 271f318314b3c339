package com.tierpilot.base.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tierpilot.support.IntegrationTest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The one-time LOAD DATA probe must not disturb the transaction of the first import or recompute that asks. */
@IntegrationTest
class BulkLoadTest {

    @Autowired
    DatabaseDialect dialect;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** The node's own instance: its directory is the one the driver is allowed to load from. */
    @Autowired
    BulkLoad configured;

    @Test
    void theFirstProbeInsideAnOpenTransactionLetsThatTransactionCommit() {
        assumeTrue(dialect.isMySql(), "LOAD DATA LOCAL INFILE is probed on MySQL/MariaDB only");
        Path dir = configured.directory();
        assertThat(dir).as("LOAD DATA LOCAL INFILE is enabled on the test database").isNotNull();
        BulkLoad bulkLoad = new BulkLoad(dialect, jdbc, transactions, dir);
        jdbc.update("delete from import_stage_tag where tenant_id = -7");
        TransactionTemplate outer = new TransactionTemplate(transactions);

        Path used = outer.execute(status -> {
            jdbc.update("insert into import_stage_tag (tenant_id, run_id, line_no, customer_code, tag)"
                    + " values (-7, -7, 1, 'kept', 'kept')");
            return bulkLoad.directory();
        });

        assertThat(used).isEqualTo(dir);
        assertThat(jdbc.queryForObject("select count(*) from import_stage_tag where tenant_id = -7", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from import_stage_tag where customer_code = 'probe'",
                Integer.class)).isZero();
        jdbc.update("delete from import_stage_tag where tenant_id = -7");
    }

    @Test
    void concurrentFirstCallersAllGetTheSameAnswer() throws Exception {
        assumeTrue(dialect.isMySql(), "LOAD DATA LOCAL INFILE is probed on MySQL/MariaDB only");
        Path dir = configured.directory();
        assertThat(dir).as("LOAD DATA LOCAL INFILE is enabled on the test database").isNotNull();
        BulkLoad bulkLoad = new BulkLoad(dialect, jdbc, transactions, dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Path>> callers = IntStream.range(0, 8)
                    .<Callable<Path>>mapToObj(i -> () -> new TransactionTemplate(transactions)
                            .execute(status -> bulkLoad.directory()))
                    .toList();
            for (Future<Path> answer : pool.invokeAll(callers)) {
                assertThat(answer.get()).isEqualTo(dir);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
