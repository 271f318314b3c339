package com.tierpilot.sales;

import com.tierpilot.customer.SalesStage;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stage of the pipeline (null: customers with a sales state but no stage): how many customers of each grade
 * (absent key: no grade, counted in {@code ungraded}), in all, and the sum of their expected deals.
 */
public record PipelineRow(@Nullable SalesStage stage, Map<ProspectGrade, Long> byGrade, long ungraded, long total,
        BigDecimal expectedDeals) {

    public PipelineRow {
        byGrade = Map.copyOf(byGrade);
    }

    public long count(ProspectGrade grade) {
        return byGrade.getOrDefault(grade, 0L);
    }
}
