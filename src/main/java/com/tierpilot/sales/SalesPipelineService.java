package com.tierpilot.sales;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.sales.persistence.PipelineRepository;
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

    private final PipelineRepository pipeline;

    SalesPipelineService(PipelineRepository pipeline) {
        this.pipeline = pipeline;
    }

    /** The stages in the sale's order (potential, negotiating, signed, lost), then customers without a stage. */
    public List<PipelineRow> byStage(TenantId tenant, UserId viewer, Role role) {
        return pipeline.byStage(tenant, role == Role.ACCOUNT_MANAGER ? viewer.value() : null);
    }
}
