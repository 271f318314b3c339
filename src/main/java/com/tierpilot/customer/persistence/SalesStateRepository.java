package com.tierpilot.customer.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesChange;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customers' sales states (customer_sales) and the trail of their changes (customer_sales_history), one row per
 * changed field. Imports write in JDBC batches.
 */
@Repository
public class SalesStateRepository {

    private static final String COLUMNS = """
            stage, lost_reason, expected_close_on, expected_deal_size, need, customer_type, next_followup_on""";
    private static final String UPDATE = """
            update customer_sales
               set stage = :stage, lost_reason = :reason, expected_close_on = :close, expected_deal_size = :size,
                   need = :need, customer_type = :type, next_followup_on = :next, updated_at = :at
             where tenant_id = :tenant and customer_id = :customer""";
    private static final String INSERT = """
            insert into customer_sales (tenant_id, customer_id, stage, lost_reason, expected_close_on,
                                        expected_deal_size, need, customer_type, next_followup_on, updated_at)
            values (:tenant, :customer, :stage, :reason, :close, :size, :need, :type, :next, :at)""";
    private static final String RECORD = """
            insert into customer_sales_history (tenant_id, customer_id, changed_at, changed_by, source, field,
                                                old_value, new_value)
            values (:tenant, :customer, :at, :by, :source, :field, :old, :new)""";

    /** A changed field of a customer's sales state, as the trail records it. */
    public record FieldChange(long customerId, String field, @Nullable String oldValue, @Nullable String newValue) {
    }

    /** A state to store; {@code stored} says whether the customer has a sales-state row already. */
    public record StateWrite(long customerId, SalesState state, boolean stored) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SalesStateRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public boolean customerExists(TenantId tenant, long customerId) {
        return jdbc.sql("select count(*) from customer where tenant_id = :tenant and id = :customer")
                .param("tenant", tenant.value()).param("customer", customerId).query(Integer.class).single() > 0;
    }

    public Optional<SalesState> find(TenantId tenant, long customerId) {
        return jdbc.sql("select " + COLUMNS
                + " from customer_sales where tenant_id = :tenant and customer_id = :customer")
                .param("tenant", tenant.value()).param("customer", customerId)
                .query((rs, i) -> state(rs, 1))
                .optional();
    }

    /** The stored states of these customers (none for a customer without a row). */
    public Map<Long, SalesState> findAll(TenantId tenant, Collection<Long> customerIds) {
        Map<Long, SalesState> stored = new HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.sql("select customer_id, " + COLUMNS
                    + " from customer_sales where tenant_id = :tenant and customer_id in (:ids)")
                    .param("tenant", tenant.value()).param("ids", customerIds)
                    .query(rs -> {
                        stored.put(rs.getLong(1), state(rs, 2));
                    });
        }
        return stored;
    }

    /** Stores one customer's state and the trail of what changed, with who changed it and from where. */
    public void save(TenantId tenant, long customerId, SalesState state, List<FieldChange> changes, SalesSource source,
            @Nullable UserId by, Instant at) {
        if (jdbc.sql(UPDATE).paramSource(params(tenant, customerId, state, at)).update() == 0) {
            jdbc.sql(INSERT).paramSource(params(tenant, customerId, state, at)).update();
        }
        batch.batchUpdate(RECORD, trail(tenant, changes, source, by, at));
    }

    /** Stores many customers' states and their trail in JDBC batches (an import's merge). */
    public void saveAll(TenantId tenant, List<StateWrite> writes, List<FieldChange> changes, SalesSource source,
            Instant at) {
        batch.batchUpdate(UPDATE, writes.stream().filter(StateWrite::stored)
                .map(w -> params(tenant, w.customerId(), w.state(), at)).toArray(SqlParameterSource[]::new));
        batch.batchUpdate(INSERT, writes.stream().filter(w -> !w.stored())
                .map(w -> params(tenant, w.customerId(), w.state(), at)).toArray(SqlParameterSource[]::new));
        batch.batchUpdate(RECORD, trail(tenant, changes, source, null, at));
    }

    /** The latest changes of the customer's sales state, newest first. */
    public List<SalesChange> history(TenantId tenant, long customerId, int limit) {
        return jdbc.sql("""
                select changed_at, changed_by, source, field, old_value, new_value
                  from customer_sales_history
                 where tenant_id = :tenant and customer_id = :customer
                 order by changed_at desc, id desc
                 limit :limit""")
                .param("tenant", tenant.value()).param("customer", customerId).param("limit", limit)
                .query((rs, i) -> new SalesChange(rs.getTimestamp(1).toInstant(),
                        rs.getObject(2) == null ? null : UserId.of(rs.getLong(2)),
                        SalesSource.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** A change of stage: when, and from what to what (null where there was or is no stage). */
    public record StageChange(Instant changedAt, @Nullable String from, @Nullable String to) {
    }

    /** The stage changes since {@code since} of the customers that the scope reaches, as they are owned now. */
    public List<StageChange> stageChanges(TenantId tenant, DataScope scope, Instant since) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(), Timestamp.from(since)));
        params.addAll(scope.params());
        return jdbc.sql("select h.changed_at, h.old_value, h.new_value from customer_sales_history h"
                + " join customer c on c.tenant_id = h.tenant_id and c.id = h.customer_id"
                + " where h.tenant_id = ? and h.field = 'stage' and h.changed_at >= ?"
                + scope.and("c.account_manager_id"))
                .params(params)
                .query((rs, i) -> new StageChange(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static SqlParameterSource[] trail(TenantId tenant, List<FieldChange> changes, SalesSource source,
            @Nullable UserId by, Instant at) {
        return changes.stream().map(c -> new MapSqlParameterSource()
                .addValue("tenant", tenant.value()).addValue("customer", c.customerId())
                .addValue("at", Timestamp.from(at)).addValue("by", by == null ? null : by.value(), Types.BIGINT)
                .addValue("source", source.name()).addValue("field", c.field())
                .addValue("old", c.oldValue(), Types.VARCHAR).addValue("new", c.newValue(), Types.VARCHAR))
                .toArray(SqlParameterSource[]::new);
    }

    private static SalesState state(ResultSet rs, int first) throws SQLException {
        String stage = rs.getString(first);
        String need = rs.getString(first + 4);
        String type = rs.getString(first + 5);
        return new SalesState(stage == null ? null : SalesStage.valueOf(stage), rs.getString(first + 1),
                date(rs.getDate(first + 2)), rs.getBigDecimal(first + 3),
                need == null ? null : SalesNeed.valueOf(need), type == null ? null : CustomerType.valueOf(type),
                date(rs.getDate(first + 6)));
    }

    private static MapSqlParameterSource params(TenantId tenant, long customerId, SalesState s, Instant at) {
        return new MapSqlParameterSource()
                .addValue("tenant", tenant.value()).addValue("customer", customerId)
                .addValue("stage", s.stage() == null ? null : s.stage().name(), Types.VARCHAR)
                .addValue("reason", s.lostReason(), Types.VARCHAR)
                .addValue("close", s.expectedCloseOn() == null ? null : Date.valueOf(s.expectedCloseOn()), Types.DATE)
                .addValue("size", s.expectedDealSize(), Types.DECIMAL)
                .addValue("need", s.need() == null ? null : s.need().name(), Types.VARCHAR)
                .addValue("type", s.customerType() == null ? null : s.customerType().name(), Types.VARCHAR)
                .addValue("next", s.nextFollowUpOn() == null ? null : Date.valueOf(s.nextFollowUpOn()), Types.DATE)
                .addValue("at", Timestamp.from(at));
    }

    private static @Nullable LocalDate date(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
