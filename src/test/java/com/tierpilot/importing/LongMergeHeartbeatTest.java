package com.tierpilot.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.importing.ImportRunStatus.Phase;
import com.tierpilot.importing.ImportRunStatus.State;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 item 12: an import whose merge runs for minutes keeps its heartbeat fresh, so the watch that fails the
 * imports of dead nodes never fails a live one. The merge is held at its update of one customer (a row lock on
 * MariaDB, a waiting trigger on H2) while the clock moves past the watch's limit.
 */
@IntegrationTest
class LongMergeHeartbeatTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    CustomerProfileService customers;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseDialect dialect;

    @TempDir
    Path dir;

    TestTenant shop;

    @BeforeEach
    void aShopWithOneImportedCustomer() {
        shop = tenants.signUp("Long Merge Co").signInAsOwner();
    }

    @AfterEach
    void reset() {
        if (!dialect.isMySql()) {
            jdbc.sql("drop trigger if exists long_merge_wait").update();
        }
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void aMergeThatRunsLongerThanTheWatchAllowsKeepsBeatingAndIsNotTakenForDead() throws Exception {
        String code = "LM-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(importToEnd(file("first.csv", "code,name\n" + code + ",Old Name\n")).state())
                .isEqualTo(State.SUCCEEDED);
        Path renamed = file("second.csv", "code,name\n" + code + ",New Name\n");

        long run;
        try (HeldMerge held = holdTheMergeAt(code)) {
            run = imports.start(shop.id(), shop.owner().userId(), renamed, "second.csv", settings(renamed));
            await().atMost(Duration.ofSeconds(60)).until(held::reached);

            // Minutes into the merge, as a large file's would be: past the watch's limit.
            clock.advance(ImportService.ABANDONED_AFTER.plusMinutes(1));
            Instant minutesIn = clock.instant();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heartbeat(run))
                    .as("the heartbeat goes on while the merge's transaction is open")
                    .isAfterOrEqualTo(minutesIn));
            assertThat(imports.history(shop.id(), 0, 10)).filteredOn(h -> h.id() == run).singleElement()
                    .satisfies(h -> {
                        assertThat(h.state()).as("the watch leaves a live import alone").isEqualTo(State.RUNNING);
                        assertThat(h.phase()).isEqualTo(Phase.MERGING);
                    });
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> imports.status(shop.id(), run).finished());
        assertThat(imports.status(shop.id(), run).state()).isEqualTo(State.SUCCEEDED);
        assertThat(customers.byCode(shop.id(), code).orElseThrow().name()).isEqualTo("New Name");
    }

    @Test
    void anImportWhoseNodeStoppedBeatingIsFailedOnceTheWatchsLimitHasPassed() {
        // A run as a node leaves it when it dies in the middle of a merge.
        Instant started = clock.instant();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_run (tenant_id, user_id, file_name, file_size, kind, status, phase, started_at,
                                        heartbeat_at, settings)
                values (?, ?, 'dead.csv', 10, 'CUSTOMERS', 'RUNNING', 'MERGING', ?, ?, '{}')""")
                .params(shop.id().value(), shop.owner().userId().value(), Timestamp.from(started),
                        Timestamp.from(started)).update(key, "id");
        long run = key.getKey().longValue();

        clock.advance(ImportService.ABANDONED_AFTER.minusSeconds(5));
        assertThat(imports.history(shop.id(), 0, 10)).filteredOn(h -> h.id() == run).singleElement()
                .extracting(ImportRunStatus::state).isEqualTo(State.RUNNING);

        clock.advance(Duration.ofSeconds(10));
        assertThat(imports.history(shop.id(), 0, 10)).filteredOn(h -> h.id() == run).singleElement()
                .satisfies(h -> {
                    assertThat(h.state()).isEqualTo(State.FAILED);
                    assertThat(h.errorKey()).isEqualTo("import.error.abandoned");
                });
    }

    private ImportRunStatus importToEnd(Path file) {
        return FinishedImports.run(imports, shop.id(), shop.owner().userId(), file, file.getFileName().toString(),
                settings(file));
    }

    private ImportSettings settings(Path file) {
        return imports.analyze(shop.id(), file).suggested();
    }

    private Instant heartbeat(long run) {
        return jdbc.sql("select heartbeat_at from import_run where tenant_id = ? and id = ?")
                .params(shop.id().value(), run).query(Timestamp.class).single().toInstant();
    }

    private Path file(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private HeldMerge holdTheMergeAt(String code) throws SQLException {
        return dialect.isMySql() ? new RowLock(dataSource, shop.id().value(), code) : new WaitingTrigger(jdbc, code);
    }

    /** Holds an import's merge when it comes to update one customer, until closed. */
    private interface HeldMerge extends AutoCloseable {

        /** Whether the merge is waiting at that customer. */
        boolean reached();

        @Override
        void close() throws SQLException;
    }

    /** MariaDB: a transaction of the test locks the customer's row; the merge waits for it (up to 50 s). */
    private final class RowLock implements HeldMerge {

        private final Connection connection;

        RowLock(DataSource dataSource, long tenant, String code) throws SQLException {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement(
                    "select id from customer where tenant_id = ? and code = ? for update")) {
                lock.setLong(1, tenant);
                lock.setString(2, code);
                lock.executeQuery().close();
            }
        }

        @Override
        public boolean reached() {
            return jdbc.sql("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'")
                    .query(Integer.class).single() > 0;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }

    /** H2 (whose lock waits end after 2 s): a trigger before an update of the customer waits for the test. */
    private static final class WaitingTrigger implements HeldMerge {

        private final JdbcClient jdbc;

        WaitingTrigger(JdbcClient jdbc, String code) {
            this.jdbc = jdbc;
            Wait.code = code;
            Wait.reached = new CountDownLatch(1);
            Wait.release = new CountDownLatch(1);
            jdbc.sql("create trigger long_merge_wait before update on customer for each row call '"
                    + Wait.class.getName() + "'").update();
        }

        @Override
        public boolean reached() {
            return Wait.reached.getCount() == 0;
        }

        /**
         * Lets the merge go on. The trigger itself is dropped after the test ({@link #reset()}): dropping it while
         * the merge's statement is still running its row would change H2's trigger list under that statement
         * (a ConcurrentModificationException that fails the import).
         */
        @Override
        public void close() {
            Wait.code = null;
            Wait.release.countDown();
        }
    }

    /** The H2 trigger: the update of the held customer waits until the test releases it. */
    public static final class Wait implements org.h2.api.Trigger {

        static volatile String code;
        static volatile CountDownLatch reached = new CountDownLatch(0);
        static volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            String held = code;
            if (held != null && oldRow != null && Arrays.asList(oldRow).contains(held)) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while held", e);
                }
            }
        }
    }
}
