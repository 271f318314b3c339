package com.tierpilot.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes the application's connection pool fail as it does when the database cannot be reached: every request for a
 * connection fails the way HikariCP's time-out does ({@link SQLTransientConnectionException}). Wraps the
 * application's {@link DataSource}; only the test that cuts the database sees a difference.
 */
public class DatabaseOutage implements BeanPostProcessor {

    private static final int UP = Integer.MAX_VALUE;

    /** How many more connections may be handed out before the outage; {@link #UP} when there is none. */
    private final AtomicInteger connectionsLeft = new AtomicInteger(UP);

    /** From now on, no connection can be had. */
    public void cut() {
        connectionsLeft.set(0);
    }

    /** The next {@code connections} connections are handed out, and then none: the database goes in mid-request. */
    public void cutAfter(int connections) {
        connectionsLeft.set(connections);
    }

    public void restore() {
        connectionsLeft.set(UP);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Cuttable) ? new Cuttable(dataSource) : bean;
    }

    private Connection connect(DataSource target) throws SQLException {
        int left = connectionsLeft.getAndUpdate(n -> n == UP || n == 0 ? n : n - 1);
        if (left == 0) {
            throw new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0,"
                            + " idle=0, waiting=0)", "08001");
        }
        return target.getConnection();
    }

    private final class Cuttable implements DataSource {

        private final DataSource target;

        Cuttable(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connect(target);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connect(target);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}
