package com.tierpilot.segmentation;

/**
 * The predicted figures that rule conditions can test (P(alive), expected purchases, CLV), contributed by the
 * prediction module, which owns the table they come from (docs/architecture.md): segmentation runs the rule's SQL but
 * does not name another module's tables.
 */
public interface RuleFigureSql {

    /**
     * A scalar subquery giving the customer {@code c}'s latest predicted value of this field, null before the first
     * prediction; only for the fields whose {@link RuleField#predicted()} is true.
     */
    String figure(RuleField field);
}
