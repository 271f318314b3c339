package com.tierpilot.segmentation;

/**
 * The A-E grade of a prospect (issue 20), a scheme that rule conditions and campaign audiences can test, contributed
 * by the sales module, which owns the grades (docs/architecture.md): segmentation runs the SQL but does not name
 * another module's tables.
 */
public interface RuleGradeSql {

    /**
     * A scalar subquery giving a customer's grade ({@code A} to {@code E}), null when ungraded.
     *
     * @param tenant the column holding the customer's company, such as {@code c.tenant_id}
     * @param customer the column holding the customer's id, such as {@code c.id}
     */
    String grade(String tenant, String customer);
}
