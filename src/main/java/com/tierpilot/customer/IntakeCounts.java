package com.tierpilot.customer;

/** What the merge of an intake run did. */
public record IntakeCounts(int customersCreated, int customersUpdated, int ordersCreated, int ordersUpdated) {
}
