package com.tierpilot.customer;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An order as written in bulk; de-duplicated by its number within the tenant. {@code orderedAt} is the local
 * date-time in the tenant's time zone.
 */
public record OrderRecord(
        String orderNo,
        String customerCode,
        LocalDateTime orderedAt,
        BigDecimal amount,
        int quantity,
        @Nullable String category,
        @Nullable String channel,
        OrderStatus status) {
}
