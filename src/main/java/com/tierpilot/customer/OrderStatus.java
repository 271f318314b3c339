package com.tierpilot.customer;

/**
 * How an order counts. A refund is recorded as its own order row with status {@link #REFUNDED} and a negative
 * amount; it nets against revenue and is not a purchase. A {@link #CANCELLED} order counts for nothing.
 */
public enum OrderStatus {
    COMPLETED,
    REFUNDED,
    CANCELLED
}
