package com.tierpilot.segmentation;

/** A tenant's rule segment: its stable key (for the API and links), its name and its rule. */
public record RuleSegmentDefinition(long id, String key, String name, RuleNode rule, boolean active, int version) {
}
