package com.tierpilot.sales.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.sales.PipelineRow;
import com.tierpilot.sales.ProspectGrade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The pipeline read in one grouped statement over the sales states and grades. */
@Repository
public class PipelineRepository {

    private final JdbcTemplate jdbc;

    PipelineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per stage and grade; {@code ownOrPoolOf}: only that manager's customers and the pool's (null: all). */
    public List<PipelineRow> byStage(TenantId tenant, @Nullable Long ownOrPoolOf) {
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        String scope = "";
        if (ownOrPoolOf != null) {
            scope = " and (c.account_manager_id = ? or c.account_manager_id is null)";
            params.add(ownOrPoolOf);
        }
        Map<String, Map<ProspectGrade, Long>> grades = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> deals = new LinkedHashMap<>();
        jdbc.query("""
                select coalesce(s.stage, '-'), g.grade, count(*), coalesce(sum(s.expected_deal_size), 0)
                  from customer_sales s
                  join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
                  left join prospect_grade g on g.tenant_id = s.tenant_id and g.customer_id = s.customer_id
                 where s.tenant_id = ?""" + scope + """

                 group by coalesce(s.stage, '-'), g.grade""", (RowCallbackHandler) rs -> {
                    String stage = rs.getString(1);
                    String grade = rs.getString(2);
                    long n = rs.getLong(3);
                    long[] c = counts.computeIfAbsent(stage, k -> new long[2]);
                    c[0] += n;
                    if (grade == null) {
                        c[1] += n;
                    } else {
                        grades.computeIfAbsent(stage, k -> new EnumMap<>(ProspectGrade.class))
                                .put(ProspectGrade.valueOf(grade), n);
                    }
                    deals.merge(stage, rs.getBigDecimal(4), BigDecimal::add);
                }, params.toArray());
        List<PipelineRow> rows = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (SalesStage stage : SalesStage.values()) {
            order.add(stage.name());
        }
        order.add("-");
        for (String stage : order) {
            if (counts.containsKey(stage)) {
                rows.add(new PipelineRow(stage.equals("-") ? null : SalesStage.valueOf(stage),
                        grades.getOrDefault(stage, Map.of()), counts.get(stage)[1], counts.get(stage)[0],
                        deals.get(stage)));
            }
        }
        return rows;
    }
}
