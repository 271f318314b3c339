package com.tierpilot.customer;

/**
 * How many customers an account manager has after an assignment; {@code overLimit} past
 * {@link CustomerAssignment#COMFORTABLE_LOAD} (the seed's rule: a manager looks after 500 to 800 customers).
 */
public record ManagerLoad(long managerId, String name, long customers, boolean overLimit) {
}
