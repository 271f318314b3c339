package com.tierpilot.segmentation;

import com.tierpilot.base.TenantId;
import com.tierpilot.customer.SegmentChoices;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the customer list which segments it can filter by. */
@Component
class SegmentationChoices implements SegmentChoices {

    private final RuleSegmentService rules;

    SegmentationChoices(RuleSegmentService rules) {
        this.rules = rules;
    }

    @Override
    public List<String> keys(String scheme) {
        return switch (scheme) {
            case "RFM" -> Arrays.stream(RfmSegment.values()).map(RfmSegment::key).toList();
            case "ABC" -> Arrays.stream(AbcTier.values()).map(AbcTier::name).toList();
            case "LIFECYCLE" -> Arrays.stream(LifecycleStage.values()).map(LifecycleStage::key).toList();
            case "GRADE" -> List.of("A", "B", "C", "D", "E");
            default -> List.of();
        };
    }

    @Override
    public Map<String, String> rules(TenantId tenant) {
        Map<String, String> names = new LinkedHashMap<>();
        rules.list(tenant).forEach(r -> names.put(r.key(), r.name()));
        return names;
    }
}
