package com.tierpilot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's own MariaDB schema, dropped and created at the start of a run. */
final class BenchDatabase {

    static final String HOST = System.getProperty("bench.db.host", "127.0.0.1:3306");

    private BenchDatabase() {
    }

    static String recreate(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + HOST + "/?user=root&password=");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + schema);
            s.execute("create database " + schema + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return url(schema);
    }

    static String url(String schema) {
        return "jdbc:mysql://" + HOST + "/" + schema;
    }

    /** A connection that may load local files, for the LOAD DATA LOCAL INFILE baselines. */
    static Connection loadingConnection(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema) + "?user=root&password=&allowLoadLocalInfile=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
    }
}
