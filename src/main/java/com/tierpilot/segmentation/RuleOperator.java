package com.tierpilot.segmentation;

/** The comparisons of rule conditions. */
public enum RuleOperator {
    EQUALS,
    NOT_EQUALS,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    BETWEEN,
    IN,
    NOT_IN,
    CONTAINS,
    IS_EMPTY,
    IS_NOT_EMPTY,
    BEFORE,
    AFTER,
    WITHIN_LAST_DAYS,
    IS_TRUE,
    IS_FALSE,
    CONTAINS_ANY,
    CONTAINS_ALL,
    CONTAINS_NONE;

    public String messageKey() {
        return "rule.operator." + name();
    }
}
