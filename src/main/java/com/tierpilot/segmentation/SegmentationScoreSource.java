package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerScoreSource;
import com.tierpilot.customer.CustomerScores;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the customer module (its REST API) a customer's segmentation in the current run. */
@Component
class SegmentationScoreSource implements CustomerScoreSource {

    private final SegmentResultService queries;

    SegmentationScoreSource(SegmentResultService queries) {
        this.queries = queries;
    }

    @Override
    public Optional<CustomerScores> scores(TenantId tenant, long customerId) {
        return queries.forCustomer(tenant, customerId).map(s -> new CustomerScores(s.asOf(), s.recencyDays(),
                s.frequency(), s.monetary(), s.r(), s.f(), s.m(), s.rfmSegment() == null ? null : s.rfmSegment().key(),
                s.abcTier() == null ? null : s.abcTier().name(), s.lifecycleStage().key()));
    }
}
