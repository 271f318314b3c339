package com.tierpilot.churn.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnOutcome;
import com.tierpilot.churn.ChurnSummary;
import com.tierpilot.revisit.ContactChannel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The churn list over the current segmentation run and the latest predictions, ranked by value at risk, with the
 * filtering and paging in SQL; and the contacts and outcomes of the follow-up.
 */
@Repository
public class ChurnRepository {

    /** P(alive) under which a customer is on the list when the company has not set its own threshold. */
    private static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.300");

    private static final String FROM = """
              from segmentation_state st
              join segmentation_run r on r.tenant_id = st.tenant_id and r.id = st.current_run_id
              join customer_segment s on s.tenant_id = st.tenant_id and s.run_id = st.current_run_id
              join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
              left join segment_change ch on ch.tenant_id = s.tenant_id and ch.run_id = s.run_id
                    and ch.customer_id = s.customer_id and ch.scheme = 'ABC' and ch.from_segment is not null
                    and (ch.to_segment is null or ch.to_segment > ch.from_segment)
              left join customer_prediction p on p.tenant_id = s.tenant_id and p.customer_id = s.customer_id
             where st.tenant_id = ?
               and (ch.customer_id is not null or s.lifecycle in ('at_risk', 'churned') or p.p_alive < ?)
               and not exists (select 1 from churn_outcome o where o.tenant_id = s.tenant_id
                               and o.customer_id = s.customer_id and o.run_id = s.run_id)""";

    /** (1 − P(alive)) × CLV; before any prediction, what the customer has spent in all (over the covering index). */
    private static final String VALUE_AT_RISK = "coalesce((1 - p.p_alive) * p.clv_12m, (select coalesce(sum(o.amount),"
            + " 0) from customer_order o where o.tenant_id = s.tenant_id and o.customer_id = s.customer_id"
            + " and o.status <> 'CANCELLED'))";

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;


    ChurnRepository(JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** A page of the list, highest value at risk first; {@code manager} null for all customers. */
    public List<ChurnEntry> page(TenantId tenant, @Nullable UserId manager, int offset, int limit) {
        List<Object> params = params(tenant, manager);
        BigDecimal threshold = (BigDecimal) params.get(1);
        params.add(limit);
        params.add(offset);
        List<ChurnEntry> page = new ArrayList<>();
        jdbc.query(select(manager) + " limit ? offset ?", (RowCallbackHandler) rs -> page.add(entry(rs, threshold)),
                params.toArray());
        return page;
    }

    public long count(TenantId tenant, @Nullable UserId manager) {
        Long count = jdbc.queryForObject("select count(*)" + FROM + managerCondition(manager), Long.class,
                params(tenant, manager).toArray());
        return count == null ? 0 : count;
    }

    /** The value at risk of the whole list. */
    public BigDecimal valueAtRisk(TenantId tenant, @Nullable UserId manager) {
        BigDecimal sum = jdbc.queryForObject("select coalesce(sum(" + VALUE_AT_RISK + "), 0)" + FROM
                + managerCondition(manager), BigDecimal.class, params(tenant, manager).toArray());
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Every entry of the list, in its order, streamed (for the CSV export). */
    public void each(TenantId tenant, @Nullable UserId manager, Consumer<ChurnEntry> sink) {
        List<Object> params = params(tenant, manager);
        BigDecimal threshold = (BigDecimal) params.get(1);
        jdbc.query(dialect.streaming(select(manager), params.toArray()),
                (RowCallbackHandler) rs -> sink.accept(entry(rs, threshold)));
    }

    /** The current run's id, if the customer is on the tenant's churn list now. */
    public Optional<Long> currentRunIfListed(TenantId tenant, long customerId) {
        List<Object> params = params(tenant, null);
        params.add(customerId);
        return jdbc.query("select s.run_id" + FROM + " and s.customer_id = ?",
                (rs, i) -> rs.getLong(1), params.toArray()).stream().findFirst();
    }

    private String select(@Nullable UserId manager) {
        return "select c.id, c.code, c.name, c.account_manager_id, s.lifecycle, ch.from_segment, ch.to_segment,"
                + " p.p_alive, p.clv_12m, " + VALUE_AT_RISK + " as value_at_risk, s.last_order, r.as_of, s.monetary,"
                // The prospect's A-E grade (issue 20), from sales' published grades.
                + " (select g.grade from prospect_grade g where g.tenant_id = c.tenant_id and g.customer_id = c.id)"
                + " as grade"
                + FROM + managerCondition(manager) + " order by value_at_risk desc, c.id";
    }

    private static String managerCondition(@Nullable UserId manager) {
        return manager == null ? "" : " and c.account_manager_id = ?";
    }

    private List<Object> params(TenantId tenant, @Nullable UserId manager) {
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        params.add(threshold(tenant));
        if (manager != null) {
            params.add(manager.value());
        }
        return params;
    }

    private BigDecimal threshold(TenantId tenant) {
        return jdbc.query("select churn_threshold from prediction_settings where tenant_id = ?",
                (rs, i) -> rs.getBigDecimal(1), tenant.value()).stream().findFirst().orElse(DEFAULT_THRESHOLD);
    }

    private static ChurnEntry entry(ResultSet rs, BigDecimal threshold) throws SQLException {
        LocalDate lastOrder = rs.getObject("last_order", LocalDate.class);
        LocalDate asOf = rs.getObject("as_of", LocalDate.class);
        BigDecimal pAlive = rs.getBigDecimal("p_alive");
        String lifecycle = rs.getString("lifecycle");
        String from = rs.getString("from_segment");
        return new ChurnEntry(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                (Long) rs.getObject("account_manager_id", Long.class), lifecycle, from, rs.getString("to_segment"),
                pAlive, rs.getBigDecimal("clv_12m"), rs.getBigDecimal("value_at_risk"), lastOrder,
                lastOrder == null ? null : (int) ChronoUnit.DAYS.between(lastOrder, asOf), from != null,
                "at_risk".equals(lifecycle) || "churned".equals(lifecycle),
                pAlive != null && pAlive.compareTo(threshold) < 0, rs.getString("grade"));
    }

    public void logContact(TenantId tenant, long customerId, UserId user, ContactChannel channel,
            @Nullable String note, Instant at) {
        jdbc.update("insert into customer_contact (tenant_id, customer_id, user_id, contacted_at, channel, note)"
                + " values (?, ?, ?, ?, ?, ?)", tenant.value(), customerId, user.value(), Timestamp.from(at),
                channel.name(), note);
    }

    /** The time of the customer's latest contact, if any. */
    public Optional<Instant> lastContact(TenantId tenant, long customerId) {
        return jdbc.query("select max(contacted_at) from customer_contact where tenant_id = ? and customer_id = ?",
                (rs, i) -> rs.getTimestamp(1), tenant.value(), customerId).stream()
                .filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    /** Records the outcome of the customer's case in the run; false when it was already decided. */
    public boolean decide(TenantId tenant, long customerId, long run, ChurnOutcome outcome,
            ChurnOutcome.@Nullable Reason reason, @Nullable String note, UserId user, Instant at) {
        try {
            jdbc.update("insert into churn_outcome (tenant_id, customer_id, run_id, outcome, reason, note, decided_by,"
                    + " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)", tenant.value(), customerId, run,
                    outcome.name(), reason == null ? null : reason.name(), note, user.value(), Timestamp.from(at));
            return true;
        } catch (DuplicateKeyException alreadyDecided) {
            return false;
        }
    }

    /** Outcomes decided since {@code since}: totals, loss reasons and per manager of the customer. */
    public ChurnSummary summary(TenantId tenant, Instant since) {
        int[] totals = new int[2];
        Map<ChurnOutcome.Reason, Integer> lostBy = new EnumMap<>(ChurnOutcome.Reason.class);
        Map<Long, int[]> managers = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select c.account_manager_id, o.outcome, o.reason from churn_outcome o
                  join customer c on c.tenant_id = o.tenant_id and c.id = o.customer_id
                 where o.tenant_id = ? and o.decided_at >= ? order by c.account_manager_id""",
                (RowCallbackHandler) rs -> {
                    boolean won = ChurnOutcome.valueOf(rs.getString(2)) == ChurnOutcome.WON_BACK;
                    totals[won ? 0 : 1]++;
                    if (!won && rs.getString(3) != null) {
                        lostBy.merge(ChurnOutcome.Reason.valueOf(rs.getString(3)), 1, Integer::sum);
                    }
                    Long manager = rs.getObject(1, Long.class);
                    managers.computeIfAbsent(manager == null ? -1L : manager, m -> new int[2])[won ? 0 : 1]++;
                }, tenant.value(), Timestamp.from(since));
        List<ChurnSummary.ManagerOutcomes> perManager = new ArrayList<>();
        managers.forEach((m, n) -> perManager.add(new ChurnSummary.ManagerOutcomes(m == -1L ? null : m, n[0], n[1])));
        return new ChurnSummary(since, count(tenant, null), valueAtRisk(tenant, null), totals[0], totals[1], lostBy,
                perManager);
    }

    /** Claims the week's summary mail for the company; false when it was claimed before. */
    public boolean claimSummaryWeek(TenantId tenant, java.time.LocalDate weekOf, java.time.Instant now) {
        try {
            return jdbc.update("insert into churn_summary_mail (tenant_id, week_of, sent_at) values (?, ?, ?)",
                    tenant.value(), java.sql.Date.valueOf(weekOf), java.sql.Timestamp.from(now))
                    == 1;
        } catch (org.springframework.dao.DuplicateKeyException claimed) {
            return false;
        }
    }
}
