package com.tierpilot.sales.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.sales.FollowUpKind;
import com.tierpilot.sales.FollowUpLog;
import com.tierpilot.sales.FollowUpOutcome;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The follow-up logs of customers (customer_followup_log). */
@Repository
public class FollowUpLogRepository {

    private final JdbcTemplate jdbc;

    FollowUpLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TenantId tenant, long customer, Instant at, LocalDate on, long by, FollowUpKind kind,
            @Nullable FollowUpOutcome outcome, @Nullable String note, @Nullable LocalDate nextOn) {
        jdbc.update("""
                insert into customer_followup_log (tenant_id, customer_id, logged_at, logged_on, logged_by, kind,
                                                   outcome, note, next_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", tenant.value(), customer, Timestamp.from(at), Date.valueOf(on),
                by, kind.name(), outcome == null ? null : outcome.name(), note,
                nextOn == null ? null : Date.valueOf(nextOn));
    }

    /** A customer's latest logs, newest first. */
    public List<FollowUpLog> ofCustomer(TenantId tenant, long customer, int limit) {
        return jdbc.query("""
                select id, logged_at, logged_on, logged_by, kind, outcome, note, next_on from customer_followup_log
                 where tenant_id = ? and customer_id = ? order by logged_at desc, id desc limit ?""",
                (rs, i) -> new FollowUpLog(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, Long.class) == null ? null : new UserId(rs.getLong(4)),
                        FollowUpKind.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : FollowUpOutcome.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getObject(8, LocalDate.class)),
                tenant.value(), customer, limit);
    }
}
