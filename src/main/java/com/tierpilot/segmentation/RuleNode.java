package com.tierpilot.segmentation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A rule segment's definition: nested AND/OR groups of conditions. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = RuleNode.Group.class, name = "group"),
    @JsonSubTypes.Type(value = RuleNode.Condition.class, name = "condition")})
public sealed interface RuleNode {

    /** All (AND) or any (OR) of the children must hold. */
    record Group(Logic logic, List<RuleNode> children) implements RuleNode {
        public Group {
            children = List.copyOf(children);
        }
    }

    /**
     * One test of a customer attribute or metric.
     *
     * @param attribute the name of a tenant-defined attribute, for {@link RuleField#ATTRIBUTE}
     * @param values the operator's operands as text: one, two for {@code BETWEEN}, several for {@code IN}
     */
    record Condition(RuleField field, RuleOperator operator, List<String> values, @Nullable String attribute)
            implements RuleNode {
        public Condition {
            values = List.copyOf(values);
        }
    }

    enum Logic {
        AND,
        OR
    }
}
