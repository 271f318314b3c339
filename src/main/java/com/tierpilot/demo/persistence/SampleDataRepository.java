package com.tierpilot.demo.persistence;

import com.tierpilot.base.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of the sample loaded into a company (sample_data): when, how much, and the first run that saw it. */
@Repository
public class SampleDataRepository {

    /** The stored record of a sample. */
    public record Stored(Instant loadedAt, int customers, int orders, @Nullable Long firstRunId) {
    }

    private final JdbcClient jdbc;

    SampleDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(TenantId tenant) {
        return jdbc.sql("select loaded_at, customers, orders, first_run_id from sample_data where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> new Stored(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, Long.class)))
                .optional();
    }

    /**
     * Records that a sample is being loaded, before its rows are written.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the company has a sample already
     */
    public void start(TenantId tenant, Instant at, long firstRunId) {
        jdbc.sql("insert into sample_data (tenant_id, loaded_at, customers, orders, first_run_id)"
                + " values (?, ?, 0, 0, ?)").params(tenant.value(), Timestamp.from(at), firstRunId).update();
    }

    public void recordSize(TenantId tenant, int customers, int orders) {
        jdbc.sql("update sample_data set customers = ?, orders = ? where tenant_id = ?")
                .params(customers, orders, tenant.value()).update();
    }

    public void delete(TenantId tenant) {
        jdbc.sql("delete from sample_data where tenant_id = ?").param(tenant.value()).update();
    }
}
