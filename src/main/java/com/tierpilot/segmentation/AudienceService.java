package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.persistence.AudienceQueries;
import com.tierpilot.segmentation.persistence.SegmentationRunRepository;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves an {@link AudienceQuery} against the tenant's current run, in one set-based SQL statement: what campaigns
 * aim at. Without a completed run the audience is empty.
 */
@Service
@Transactional(readOnly = true)
public class AudienceService {

    private final AudienceQueries audiences;
    private final SegmentationRunRepository runs;

    AudienceService(AudienceQueries audiences, SegmentationRunRepository runs) {
        this.audiences = audiences;
        this.runs = runs;
    }

    /** How many customers the audience has now. */
    public int count(TenantId tenant, AudienceQuery query) {
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty() || query.include().isEmpty()) {
            return 0;
        }
        return audiences.count(tenant, state.get().current(), query);
    }

    /** Passes every customer id of the audience, in ascending order, to the consumer. */
    public void forEachCustomer(TenantId tenant, AudienceQuery query, LongConsumer consumer) {
        Optional<SegmentationRunRepository.Pointers> state = runs.state(tenant);
        if (state.isEmpty() || query.include().isEmpty()) {
            return;
        }
        audiences.forEachCustomer(tenant, state.get().current(), query, consumer);
    }
}
