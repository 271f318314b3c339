package com.tierpilot.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures tell an API client that the database is unavailable (503, retry) and which are faults (500). */
class ApiFailuresTest {

    @Test
    void failuresToReachOrKeepTheDatabaseAre503() {
        assertThat(ApiFailures.statusOf(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isEqualTo(
                        HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ApiFailures.statusOf(new RecoverableDataAccessException("Communications link failure")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ApiFailures.statusOf(new IllegalStateException("wrapped",
                new SQLException("Communications link failure", "08S01")))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // Seen in ApiDatabaseFaultTest: the commit broke, and the rollback found the pool had closed the connection.
        assertThat(ApiFailures.statusOf(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void otherFailuresAre500() {
        assertThat(ApiFailures.statusOf(new IllegalStateException("a bug"))).isEqualTo(
                HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(ApiFailures.statusOf(new DataIntegrityViolationException("Out of range value"))).isEqualTo(
                HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(ApiFailures.problemOf(new IllegalStateException("a bug")).getDetail()).doesNotContain("a bug");
    }
}
