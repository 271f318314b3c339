package com.tierpilot.customer;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One order as listed on a customer's page. */
public record OrderRow(String orderNo, LocalDateTime orderedAt, BigDecimal amount, int quantity,
        @Nullable String category, @Nullable String channel, OrderStatus status) {
}
