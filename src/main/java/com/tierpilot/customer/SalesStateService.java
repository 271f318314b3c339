package com.tierpilot.customer;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.DataScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes a customer's sales state (issue 20). Every change writes one history row per changed field:
 * who, when, from where, from what to what. A lost customer needs its reason; any other stage has none.
 */
@Service
@Transactional
public class SalesStateService {

    /** The largest deal size the state holds, as for order amounts. */
    public static final BigDecimal MAX_DEAL_SIZE = new BigDecimal("999999999999");
    public static final int MAX_REASON_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(SalesStateService.class);

    private static final int IMPORT_CHUNK = 1000;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;
    private final Clock clock;

    SalesStateService(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** The customer's sales state; {@link SalesState#EMPTY} when nothing is known yet. */
    @Transactional(readOnly = true)
    public SalesState find(TenantId tenant, long customerId) {
        return jdbc.sql("""
                select stage, lost_reason, expected_close_on, expected_deal_size, need, customer_type,
                       next_followup_on
                  from customer_sales
                 where tenant_id = :tenant and customer_id = :customer""")
                .param("tenant", tenant.value()).param("customer", customerId)
                .query((rs, i) -> new SalesState(
                        rs.getString(1) == null ? null : SalesStage.valueOf(rs.getString(1)), rs.getString(2),
                        date(rs.getDate(3)), rs.getBigDecimal(4),
                        rs.getString(5) == null ? null : SalesNeed.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : CustomerType.valueOf(rs.getString(6)), date(rs.getDate(7))))
                .optional().orElse(SalesState.EMPTY);
    }

    /**
     * Replaces the customer's sales state and records each changed field. Returns the number of fields changed.
     *
     * @throws UserFacingException when the state is not valid (a lost customer without its reason, a negative or
     *                             too large deal size, a reason too long)
     */
    @PreAuthorize("isAuthenticated()")
    public int update(TenantId tenant, long customerId, SalesState wanted, SalesSource source,
            @Nullable UserId by) {
        SalesState next = validated(wanted);
        Integer exists = jdbc.sql("select count(*) from customer where tenant_id = :tenant and id = :customer")
                .param("tenant", tenant.value()).param("customer", customerId).query(Integer.class).single();
        if (exists == 0) {
            throw new NotFoundException("customer");
        }
        SalesState before = find(tenant, customerId);
        Map<String, @Nullable String> old = before.fields();
        Map<String, @Nullable String> now = next.fields();
        List<String> changed = now.keySet().stream().filter(f -> !sameValue(f, old.get(f), now.get(f))).toList();
        if (changed.isEmpty()) {
            return 0;
        }
        Instant at = clock.instant();
        int updated = jdbc.sql("""
                update customer_sales
                   set stage = :stage, lost_reason = :reason, expected_close_on = :close, expected_deal_size = :size,
                       need = :need, customer_type = :type, next_followup_on = :next, updated_at = :at
                 where tenant_id = :tenant and customer_id = :customer""")
                .paramSource(params(tenant, customerId, next, at)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into customer_sales (tenant_id, customer_id, stage, lost_reason, expected_close_on,
                                                expected_deal_size, need, customer_type, next_followup_on, updated_at)
                    values (:tenant, :customer, :stage, :reason, :close, :size, :need, :type, :next, :at)""")
                    .paramSource(params(tenant, customerId, next, at)).update();
        }
        for (String field : changed) {
            jdbc.sql("""
                    insert into customer_sales_history (tenant_id, customer_id, changed_at, changed_by, source, field,
                                                        old_value, new_value)
                    values (:tenant, :customer, :at, :by, :source, :field, :old, :new)""")
                    .param("tenant", tenant.value()).param("customer", customerId)
                    .param("at", Timestamp.from(at)).param("by", by == null ? null : by.value(), java.sql.Types.BIGINT)
                    .param("source", source.name()).param("field", field).param("old", old.get(field), java.sql.Types.VARCHAR)
                    .param("new", now.get(field), java.sql.Types.VARCHAR).update();
        }
        log.info("Sales state of customer {} changed ({}) from {}: {}", customerId, source, changed.size(), changed);
        return changed.size();
    }

    /**
     * Merges an import's sales columns (issue 20), by customer id: each field the file sets replaces the stored one,
     * a blank cell keeps it; a stage other than LOST drops the reason. Each changed field is recorded with the
     * import as its source, and states are written in JDBC batches. Returns the number of customers changed.
     */
    public int mergeImported(TenantId tenant, Map<Long, SalesState> imported) {
        Instant at = clock.instant();
        List<Long> ids = List.copyOf(imported.keySet());
        int changedCustomers = 0;
        for (int from = 0; from < ids.size(); from += IMPORT_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IMPORT_CHUNK));
            Map<Long, SalesState> stored = new java.util.HashMap<>();
            jdbc.sql("""
                    select customer_id, stage, lost_reason, expected_close_on, expected_deal_size, need,
                           customer_type, next_followup_on
                      from customer_sales
                     where tenant_id = :tenant and customer_id in (:ids)""")
                    .param("tenant", tenant.value()).param("ids", chunk)
                    .query(rs -> {
                        stored.put(rs.getLong(1), new SalesState(
                                rs.getString(2) == null ? null : SalesStage.valueOf(rs.getString(2)), rs.getString(3),
                                date(rs.getDate(4)), rs.getBigDecimal(5),
                                rs.getString(6) == null ? null : SalesNeed.valueOf(rs.getString(6)),
                                rs.getString(7) == null ? null : CustomerType.valueOf(rs.getString(7)),
                                date(rs.getDate(8))));
                    });
            List<org.springframework.jdbc.core.namedparam.MapSqlParameterSource> updates = new java.util.ArrayList<>();
            List<org.springframework.jdbc.core.namedparam.MapSqlParameterSource> inserts = new java.util.ArrayList<>();
            List<org.springframework.jdbc.core.namedparam.MapSqlParameterSource> history = new java.util.ArrayList<>();
            for (Long id : chunk) {
                SalesState before = stored.getOrDefault(id, SalesState.EMPTY);
                SalesState file = imported.get(id);
                SalesStage stage = file.stage() != null ? file.stage() : before.stage();
                SalesState next = new SalesState(stage, stage != SalesStage.LOST ? null
                        : file.lostReason() != null ? file.lostReason() : before.lostReason(),
                        or(file.expectedCloseOn(), before.expectedCloseOn()),
                        or(file.expectedDealSize(), before.expectedDealSize()), or(file.need(), before.need()),
                        or(file.customerType(), before.customerType()),
                        or(file.nextFollowUpOn(), before.nextFollowUpOn()));
                Map<String, @Nullable String> old = before.fields();
                Map<String, @Nullable String> now = next.fields();
                List<String> changed = now.keySet().stream().filter(f -> !sameValue(f, old.get(f), now.get(f)))
                        .toList();
                if (changed.isEmpty()) {
                    continue;
                }
                changedCustomers++;
                (stored.containsKey(id) ? updates : inserts).add(params(tenant, id, next, at));
                for (String field : changed) {
                    history.add(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                            .addValue("tenant", tenant.value()).addValue("customer", id)
                            .addValue("at", Timestamp.from(at)).addValue("field", field)
                            .addValue("old", old.get(field), java.sql.Types.VARCHAR)
                            .addValue("new", now.get(field), java.sql.Types.VARCHAR));
                }
            }
            batch.batchUpdate("""
                    update customer_sales
                       set stage = :stage, lost_reason = :reason, expected_close_on = :close,
                           expected_deal_size = :size, need = :need, customer_type = :type,
                           next_followup_on = :next, updated_at = :at
                     where tenant_id = :tenant and customer_id = :customer""",
                    updates.toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
            batch.batchUpdate("""
                    insert into customer_sales (tenant_id, customer_id, stage, lost_reason, expected_close_on,
                                                expected_deal_size, need, customer_type, next_followup_on, updated_at)
                    values (:tenant, :customer, :stage, :reason, :close, :size, :need, :type, :next, :at)""",
                    inserts.toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
            batch.batchUpdate("""
                    insert into customer_sales_history (tenant_id, customer_id, changed_at, changed_by, source, field,
                                                        old_value, new_value)
                    values (:tenant, :customer, :at, null, 'IMPORT', :field, :old, :new)""",
                    history.toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
        }
        log.info("Import changed the sales state of {} customers", changedCustomers);
        return changedCustomers;
    }

    private static <T> @Nullable T or(@Nullable T value, @Nullable T otherwise) {
        return value != null ? value : otherwise;
    }

    /** The latest changes of the customer's sales state, newest first. */
    @Transactional(readOnly = true)
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

    /** The state as it will be stored, or the reason it cannot be. */
    public static SalesState validated(SalesState s) {
        String reason = s.lostReason() == null || s.lostReason().isBlank() ? null : s.lostReason().strip();
        if (s.stage() == SalesStage.LOST && reason == null) {
            throw new UserFacingException("sales.error.lostReason");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new UserFacingException("sales.error.reasonTooLong", MAX_REASON_LENGTH);
        }
        BigDecimal size = s.expectedDealSize();
        if (size != null && (size.signum() < 0 || size.compareTo(MAX_DEAL_SIZE) > 0)) {
            throw new UserFacingException("sales.error.dealSize");
        }
        return new SalesState(s.stage(), s.stage() == SalesStage.LOST ? reason : null, s.expectedCloseOn(),
                size == null ? null : size.setScale(2, java.math.RoundingMode.HALF_UP), s.need(), s.customerType(),
                s.nextFollowUpOn());
    }

    private static boolean sameValue(String field, @Nullable String a, @Nullable String b) {
        if (field.equals("expectedDealSize") && a != null && b != null) {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        return Objects.equals(a, b);
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(TenantId tenant,
            long customerId, SalesState s, Instant at) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("tenant", tenant.value()).addValue("customer", customerId)
                .addValue("stage", s.stage() == null ? null : s.stage().name(), java.sql.Types.VARCHAR)
                .addValue("reason", s.lostReason(), java.sql.Types.VARCHAR)
                .addValue("close", s.expectedCloseOn() == null ? null : Date.valueOf(s.expectedCloseOn()),
                        java.sql.Types.DATE)
                .addValue("size", s.expectedDealSize(), java.sql.Types.DECIMAL)
                .addValue("need", s.need() == null ? null : s.need().name(), java.sql.Types.VARCHAR)
                .addValue("type", s.customerType() == null ? null : s.customerType().name(), java.sql.Types.VARCHAR)
                .addValue("next", s.nextFollowUpOn() == null ? null : Date.valueOf(s.nextFollowUpOn()),
                        java.sql.Types.DATE)
                .addValue("at", Timestamp.from(at));
    }

    private static @Nullable LocalDate date(java.sql.@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /**
     * The moves between stages per month in the company's time zone, from {@code first} to this month, of the
     * customers the scope reaches (an account manager: their own and the pool's, as they are now), from the
     * sales-state history; in month order.
     */
    @Transactional(readOnly = true)
    public List<StageMove> stageMoves(TenantId tenant, DataScope scope, ZoneId zone, YearMonth first) {
        List<Object> params = new ArrayList<>(List.of(tenant.value(),
                Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant())));
        params.addAll(scope.params());
        Map<String, Integer> moves = new TreeMap<>();
        jdbc.sql("select h.changed_at, h.old_value, h.new_value from customer_sales_history h"
                + " join customer c on c.tenant_id = h.tenant_id and c.id = h.customer_id"
                + " where h.tenant_id = ? and h.field = 'stage' and h.changed_at >= ?"
                + scope.and("c.account_manager_id"))
                .params(params)
                .query(rs -> {
                    YearMonth month = YearMonth.from(rs.getTimestamp(1).toInstant().atZone(zone));
                    moves.merge(month + "\t" + Objects.toString(rs.getString(2), "") + "\t"
                            + Objects.toString(rs.getString(3), ""), 1, Integer::sum);
                });
        List<StageMove> list = new ArrayList<>();
        moves.forEach((key, customers) -> {
            String[] parts = key.split("\t", -1);
            list.add(new StageMove(YearMonth.parse(parts[0]), parts[1].isEmpty() ? null
                    : SalesStage.valueOf(parts[1]), parts[2].isEmpty() ? null : SalesStage.valueOf(parts[2]),
                    customers));
        });
        return list;
    }
}
