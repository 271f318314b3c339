package com.tierpilot.sales;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.customer.StageMove;
import com.tierpilot.sales.persistence.PipelineRepository;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline: customers by stage and grade, with the sum of expected deals per stage. An account manager's is
 * their own customers and the pool's (data scope); an owner's or marketer's is the company's.
 */
@Service
@Transactional(readOnly = true)
public class SalesPipelineService {

    /** How many months the conversion chart shows, this one included. */
    public static final int CONVERSION_MONTHS = 12;

    private final PipelineRepository pipeline;
    private final SalesStateService states;
    private final Clock clock;

    SalesPipelineService(PipelineRepository pipeline, SalesStateService states, Clock clock) {
        this.pipeline = pipeline;
        this.states = states;
        this.clock = clock;
    }

    /** The last {@link #CONVERSION_MONTHS} months in the company's zone, oldest first. */
    public List<YearMonth> conversionMonths(ZoneId zone) {
        YearMonth now = YearMonth.now(clock.withZone(zone));
        List<YearMonth> months = new ArrayList<>();
        for (int i = CONVERSION_MONTHS - 1; i >= 0; i--) {
            months.add(now.minusMonths(i));
        }
        return months;
    }

    /**
     * The moves between stages per month over {@link #conversionMonths(ZoneId)}, from the sales-state history: an
     * account manager's of their own customers and the pool's, an owner's or marketer's of the company's.
     */
    public List<StageMove> conversion(TenantId tenant, UserId viewer, Role role, ZoneId zone) {
        return states.stageMoves(tenant, role == Role.ACCOUNT_MANAGER ? DataScope.of(viewer) : DataScope.ALL, zone,
                conversionMonths(zone).getFirst());
    }

    /** The stages in the sale's order (potential, negotiating, signed, lost), then customers without a stage. */
    public List<PipelineRow> byStage(TenantId tenant, UserId viewer, Role role) {
        return pipeline.byStage(tenant, role == Role.ACCOUNT_MANAGER ? viewer.value() : null);
    }
}
