package com.tierpilot.customer;

/**
 * How many customers an account manager has after an assignment; {@code overLimit} past
 * the company's limit ({@link OwnershipLimits#DEFAULT_MANAGER_LIMIT} unless changed; the seed: 500 to 800 customers).
 */
public record ManagerLoad(long managerId, String name, long customers, boolean overLimit) {
}
