package com.tierpilot.campaign.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RuleSegmentDefinition;
import com.tierpilot.segmentation.RuleSegmentService;
import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The segments a campaign can aim at, as references ("RFM:at_risk") with their labels in the user's language. */
final class SegmentLabels {

    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> rules = new LinkedHashMap<>();

    SegmentLabels(Component view, RuleSegmentService ruleSegments, TenantId tenant) {
        for (RfmSegment s : RfmSegment.values()) {
            put(view, "RFM", s.key(), view.getTranslation(s.messageKey()));
        }
        for (AbcTier t : AbcTier.values()) {
            put(view, "ABC", t.name(), view.getTranslation(t.messageKey()));
        }
        for (LifecycleStage s : LifecycleStage.values()) {
            put(view, "LIFECYCLE", s.key(), view.getTranslation(s.messageKey()));
        }
        // The prospects' A-E grade (issue 20).
        for (String grade : List.of("A", "B", "C", "D", "E")) {
            put(view, "GRADE", grade, view.getTranslation("rule.grade", grade, view.getTranslation("sales.grade."
                    + grade)));
        }
        for (RuleSegmentDefinition r : ruleSegments.list(tenant)) {
            put(view, "RULE", r.key(), r.name());
            rules.put(r.key(), r.name());
        }
    }

    private void put(Component view, String scheme, String key, String name) {
        labels.put(scheme + ":" + key, view.getTranslation("campaigns.scheme." + scheme) + " · " + name);
    }

    List<String> references() {
        return new ArrayList<>(labels.keySet());
    }

    List<String> ruleKeys() {
        return new ArrayList<>(rules.keySet());
    }

    String label(String reference) {
        return labels.getOrDefault(reference, reference);
    }

    String ruleName(String key) {
        return rules.getOrDefault(key, key);
    }

    String describe(List<String> references) {
        return references.stream().map(this::label).collect(Collectors.joining(", "));
    }
}
