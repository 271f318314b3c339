package com.tierpilot.base.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Keeps the sub-second digits of the date-times the application writes to MariaDB 10.x through mysql-connector-j.
 *
 * <p>MariaDB before 11 announces itself in the handshake as {@code 5.5.5-10.11.x-MariaDB} (a prefix kept for old
 * replication clients). mysql-connector-j reads that as MySQL 5.5.5, which predates fractional seconds (5.6.4), and
 * then silently truncates every {@code Timestamp}, {@code Instant} and {@code LocalDateTime} parameter to whole
 * seconds, whatever {@code sendFractionalSeconds} says: a {@code datetime(6)} column got {@code 03:22:22.000000}
 * for an instant of {@code 03:22:22.481}. No driver property overrides the server version.
 *
 * <p>When the driver sees such a server, this data source binds those parameters as text with their microseconds
 * ({@code 2026-12-07 03:22:22.481000}), which the server converts to the column's type exactly. Instants are written
 * in UTC, the session time zone every connection of the pool has ({@code connectionTimeZone=UTC} with
 * {@code forceConnectionTimeZoneToSession}), so whole-second values are unchanged and are left to the driver. On H2
 * and on MySQL 5.6.4 or later the connections are handed out unwrapped.
 */
final class FractionalSecondsDataSource extends DelegatingDataSource {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS",
            Locale.ROOT);

    private volatile @Nullable Boolean driverDropsFractions;

    FractionalSecondsDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return keepFractions(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return keepFractions(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection keepFractions(Connection connection) throws SQLException {
        Boolean drops = driverDropsFractions;
        if (drops == null) {
            drops = driverDropsFractions(connection.getMetaData());
            driverDropsFractions = drops;
        }
        return drops ? proxy(Connection.class, connection, new ConnectionHandler(connection)) : connection;
    }

    /** mysql-connector-j truncates fractional seconds for a server it takes for MySQL older than 5.6.4. */
    static boolean driverDropsFractions(DatabaseMetaData metaData) throws SQLException {
        if (!metaData.getDriverName().startsWith("MySQL Connector")) {
            return false;
        }
        int major = metaData.getDatabaseMajorVersion();
        int minor = metaData.getDatabaseMinorVersion();
        return major < 5 || major == 5 && minor < 6;
    }

    /**
     * The text to bind instead of a date-time parameter with a sub-second part, or null when the driver may bind the
     * value itself (not a date-time, or whole seconds).
     */
    static @Nullable String withMicros(@Nullable Object value) {
        LocalDateTime utc = switch (value) {
            case Timestamp t -> t.getNanos() == 0 ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case ZonedDateTime z -> LocalDateTime.ofInstant(z.toInstant(), ZoneOffset.UTC);
            case LocalDateTime l -> l;
            case null, default -> null;
        };
        if (utc == null || utc.getNano() == 0) {
            return null;
        }
        return MICROS.format(utc.truncatedTo(ChronoUnit.MICROS));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FractionalSecondsDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler);
    }

    private static @Nullable Object call(Method method, Object target, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Answers equals and hashCode by the proxy's identity and hands every other call to {@link #forward}. */
    private abstract static class Forwarding<T> implements InvocationHandler {

        final T target;

        Forwarding(T target) {
            this.target = target;
        }

        @Override
        public final @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            return switch (method.getName()) {
                case "equals" -> args != null && proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> forward(method, args);
            };
        }

        abstract @Nullable Object forward(Method method, Object @Nullable [] args) throws Throwable;
    }

    /** Hands out prepared statements (and callable ones) that bind date-times with their microseconds. */
    private static final class ConnectionHandler extends Forwarding<Connection> {

        ConnectionHandler(Connection target) {
            super(target);
        }

        @Override
        @Nullable Object forward(Method method, Object @Nullable [] args) throws Throwable {
            Object result = call(method, target, args);
            if (result instanceof PreparedStatement statement
                    && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
                Class<? extends PreparedStatement> type = statement instanceof CallableStatement
                        ? CallableStatement.class : PreparedStatement.class;
                return proxy(type, statement, new StatementHandler(statement));
            }
            return result;
        }
    }

    /** Rewrites {@code setTimestamp} and {@code setObject} of a date-time with a sub-second part to text. */
    private static final class StatementHandler extends Forwarding<PreparedStatement> {

        StatementHandler(PreparedStatement target) {
            super(target);
        }

        @Override
        @Nullable Object forward(Method method, Object @Nullable [] args) throws Throwable {
            if (args != null && args.length >= 2 && args[0] instanceof Integer index
                    && (method.getName().equals("setObject")
                            || method.getName().equals("setTimestamp") && args.length == 2)) {
                String text = withMicros(args[1]);
                if (text != null) {
                    target.setString(index, text);
                    return null;
                }
            }
            return call(method, target, args);
        }
    }
}
