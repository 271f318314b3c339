package com.tierpilot.base.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
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
}
