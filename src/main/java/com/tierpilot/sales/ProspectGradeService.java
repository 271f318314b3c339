package com.tierpilot.sales;

import com.tierpilot.base.TenantId;
import com.tierpilot.tenant.TenantService;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grades the company's prospects A-E from their sales state, in one statement for all of them (every night) or for
 * one (after its state changed on screen). The rules, with the company's thresholds:
 * <ul>
 * <li>E: no need, or lost;</li>
 * <li>D: a potential (future) need, no expected close date, or a close date beyond the C threshold;</li>
 * <li>A, B, C: a clear need (or a need not stated) with the close date within the A, B or C threshold.</li>
 * </ul>
 * Signed customers are no longer prospects and have no grade, nor have customers without any sales state. An
 * expected close date in the past, for a prospect neither signed nor lost, is flagged as overdue.
 */
@Service
@Transactional
public class ProspectGradeService {

    private static final String GRADE = """
            insert into prospect_grade (tenant_id, customer_id, grade, close_overdue, graded_on)
            select s.tenant_id, s.customer_id,
                   case when s.stage = 'LOST' or s.need = 'NONE' then 'E'
                        when s.need = 'FUTURE' or s.expected_close_on is null then 'D'
                        when s.expected_close_on <= :aDate then 'A'
                        when s.expected_close_on <= :bDate then 'B'
                        when s.expected_close_on <= :cDate then 'C'
                        else 'D' end,
                   case when s.expected_close_on < :today and (s.stage is null or s.stage <> 'LOST') then true
                        else false end,
                   :today
              from customer_sales s
             where s.tenant_id = :tenant and (s.stage is null or s.stage <> 'SIGNED')
               and (s.stage is not null or s.need is not null or s.expected_close_on is not null)""";

    private final JdbcClient jdbc;
    private final SalesSettingsService settings;
    private final TenantService tenants;

    ProspectGradeService(JdbcClient jdbc, SalesSettingsService settings, TenantService tenants) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tenants = tenants;
    }

    /** The company's today, in its time zone. */
    @Transactional(readOnly = true)
    public LocalDate today(TenantId tenant) {
        return tenants.today(tenant);
    }

    /** Grades every prospect of the company as of {@code today}; returns how many have a grade. */
    public int regrade(TenantId tenant, LocalDate today) {
        jdbc.sql("delete from prospect_grade where tenant_id = :tenant").param("tenant", tenant.value()).update();
        return jdbc.sql(GRADE).paramSource(params(tenant, today, null)).update();
    }

    /** Grades one customer as of the company's today, as the night would. */
    public Optional<GradeResult> regradeOne(TenantId tenant, long customerId) {
        jdbc.sql("delete from prospect_grade where tenant_id = :tenant and customer_id = :customer")
                .param("tenant", tenant.value()).param("customer", customerId).update();
        jdbc.sql(GRADE + " and s.customer_id = :customer").paramSource(params(tenant, today(tenant), customerId))
                .update();
        return find(tenant, customerId);
    }

    @Transactional(readOnly = true)
    public Optional<GradeResult> find(TenantId tenant, long customerId) {
        return jdbc.sql("""
                select grade, close_overdue, graded_on from prospect_grade
                 where tenant_id = :tenant and customer_id = :customer""")
                .param("tenant", tenant.value()).param("customer", customerId)
                .query((rs, i) -> new GradeResult(ProspectGrade.valueOf(rs.getString(1)), rs.getBoolean(2),
                        rs.getDate(3).toLocalDate()))
                .optional();
    }

    private MapSqlParameterSource params(TenantId tenant, LocalDate today, @Nullable Long customer) {
        GradeThresholds t = settings.settings(tenant).thresholds();
        var params = new MapSqlParameterSource().addValue("tenant", tenant.value())
                .addValue("today", Date.valueOf(today))
                .addValue("aDate", Date.valueOf(today.plusDays(t.aWithinDays())))
                .addValue("bDate", Date.valueOf(today.plusDays(t.bWithinDays())))
                .addValue("cDate", Date.valueOf(today.plusDays(t.cWithinDays())));
        if (customer != null) {
            params.addValue("customer", customer);
        }
        return params;
    }
}
