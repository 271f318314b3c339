package com.tierpilot.segmentation.ui.rules;

import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.vaadin.flow.component.Component;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Readable words for rules: the choices of enumerated fields with their labels, and a rule as one sentence. */
final class RuleTexts {

    static final int SHORT_SUMMARY = 80;

    private final Component context;
    private final Map<String, String> managers;

    RuleTexts(Component context, Map<String, String> managers) {
        this.context = context;
        this.managers = managers;
    }

    /** The stored values an enumerated field can take, in display order, with their translated labels. */
    Map<String, String> choices(RuleField field) {
        Map<String, String> choices = new LinkedHashMap<>();
        switch (field) {
            case RFM_SEGMENT -> Arrays.stream(RfmSegment.values())
                    .forEach(s -> choices.put(s.key(), context.getTranslation(s.messageKey())));
            case ABC_TIER -> Arrays.stream(AbcTier.values())
                    .forEach(t -> choices.put(t.name(), context.getTranslation(t.messageKey())));
            case LIFECYCLE -> Arrays.stream(LifecycleStage.values())
                    .forEach(s -> choices.put(s.key(), context.getTranslation(s.messageKey())));
            case GENDER -> {
                choices.put("M", context.getTranslation("rule.gender.M"));
                choices.put("F", context.getTranslation("rule.gender.F"));
            }
            case ACCOUNT_MANAGER -> choices.putAll(managers);
            case GRADE -> List.of("A", "B", "C", "D", "E").forEach(g -> choices.put(g,
                    context.getTranslation("rule.grade", g, context.getTranslation("sales.grade." + g))));
            default -> {
                // not an enumerated field
            }
        }
        return choices;
    }

    String field(RuleField field) {
        return context.getTranslation(field.messageKey());
    }

    String operator(RuleOperator operator) {
        return context.getTranslation(operator.messageKey());
    }

    /** The whole rule in words. */
    String sentence(RuleNode node) {
        return switch (node) {
            case RuleNode.Group group -> group(group, true);
            case RuleNode.Condition condition -> condition(condition);
        };
    }

    /** The rule in words, cut to a short line. */
    String summary(RuleNode node) {
        String full = sentence(node);
        return full.length() <= SHORT_SUMMARY ? full : full.substring(0, SHORT_SUMMARY - 1) + "…";
    }

    private String group(RuleNode.Group group, boolean root) {
        if (group.children().isEmpty()) {
            return context.getTranslation("rule.summary.everyone");
        }
        String joiner = " " + context.getTranslation("rule.summary." + group.logic().name()) + " ";
        String text = group.children().stream()
                .map(child -> child instanceof RuleNode.Group g ? group(g, false) : condition((RuleNode.Condition) child))
                .collect(Collectors.joining(joiner));
        return root || group.children().size() == 1 ? text : "(" + text + ")";
    }

    private String condition(RuleNode.Condition c) {
        String subject = c.field() == RuleField.ATTRIBUTE && c.attribute() != null ? c.attribute() : field(c.field());
        List<String> values = c.values().stream().map(v -> label(c.field(), v)).toList();
        String operands = switch (c.operator()) {
            case BETWEEN -> values.size() == 2
                    ? context.getTranslation("rule.summary.between", values.get(0), values.get(1)) : "";
            case WITHIN_LAST_DAYS -> values.isEmpty() ? "" : context.getTranslation("rule.summary.days", values.get(0));
            default -> String.join(", ", values);
        };
        return (subject + " " + operator(c.operator()) + " " + operands).strip();
    }

    private String label(RuleField field, String value) {
        Map<String, String> choices = choices(field);
        return choices.getOrDefault(value, value);
    }
}
