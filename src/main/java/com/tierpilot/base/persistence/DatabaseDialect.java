package com.tierpilot.base.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on. Almost all SQL is written once for both; the few statements that must
 * differ (multi-table UPDATE on MySQL, MERGE on H2, bulk loading) ask this.
 */
@Component
public class DatabaseDialect {

    public enum Vendor {
        H2,
        MYSQL
    }

    private final Vendor vendor;

    DatabaseDialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            this.vendor = product.contains("h2") ? Vendor.H2 : Vendor.MYSQL;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot tell which database this is", e);
        }
    }

    public Vendor vendor() {
        return vendor;
    }

    public boolean isMySql() {
        return vendor == Vendor.MYSQL;
    }

    /**
     * A statement whose rows stream instead of being read into memory at once (MySQL's driver: one row at a time,
     * which occupies the connection until the last row; others: fetches of 1,000), with its parameters bound.
     */
    public PreparedStatementCreator streaming(String sql, Object... params) {
        return connection -> stream(connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY), params);
    }

    /** Makes a prepared statement stream its rows (see {@link #streaming}) and binds its parameters. */
    public PreparedStatement stream(PreparedStatement ps, Object... params) throws SQLException {
        ps.setFetchSize(isMySql() ? Integer.MIN_VALUE : 1000);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
