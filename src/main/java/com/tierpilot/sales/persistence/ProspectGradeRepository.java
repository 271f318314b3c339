package com.tierpilot.sales.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.sales.GradeResult;
import com.tierpilot.sales.GradeThresholds;
import com.tierpilot.sales.ProspectGrade;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The prospects' grades (prospect_grade), computed from their sales state in one statement: for all of a company's
 * prospects, or for one. The rules are documented on {@code ProspectGradeService}.
 */
@Repository
public class ProspectGradeRepository {

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

    ProspectGradeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every grade of the company with the grades as of {@code today}; returns how many have a grade. */
    public int regradeAll(TenantId tenant, LocalDate today, GradeThresholds thresholds) {
        jdbc.sql("delete from prospect_grade where tenant_id = :tenant").param("tenant", tenant.value()).update();
        return jdbc.sql(GRADE).paramSource(params(tenant, today, thresholds, null)).update();
    }

    /** Replaces one customer's grade with its grade as of {@code today} (none when it is no longer a prospect). */
    public void regradeOne(TenantId tenant, long customerId, LocalDate today, GradeThresholds thresholds) {
        jdbc.sql("delete from prospect_grade where tenant_id = :tenant and customer_id = :customer")
                .param("tenant", tenant.value()).param("customer", customerId).update();
        jdbc.sql(GRADE + " and s.customer_id = :customer")
                .paramSource(params(tenant, today, thresholds, customerId)).update();
    }

    public Optional<GradeResult> find(TenantId tenant, long customerId) {
        return jdbc.sql("""
                select grade, close_overdue, graded_on from prospect_grade
                 where tenant_id = :tenant and customer_id = :customer""")
                .param("tenant", tenant.value()).param("customer", customerId)
                .query((rs, i) -> new GradeResult(ProspectGrade.valueOf(rs.getString(1)), rs.getBoolean(2),
                        rs.getDate(3).toLocalDate()))
                .optional();
    }

    private static MapSqlParameterSource params(TenantId tenant, LocalDate today, GradeThresholds t,
            @Nullable Long customer) {
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
