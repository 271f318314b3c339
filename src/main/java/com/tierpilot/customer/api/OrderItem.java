package com.tierpilot.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One order of {@code POST /api/v1/orders}, as the OpenAPI document describes it. The controller reads items field
 * by field ({@link OrderItems}) to report every problem at once; this record is the documented shape.
 */
@Schema(name = "OrderItem", description = "An order or a refund to create or update, matched by `orderNo` (without"
        + " regard to case). Unknown fields are reported as errors.")
record OrderItem(
        @Schema(description = "Your order number, unique in your company; without control characters.",
                example = "SO-20250301-0001",
                maxLength = 64, requiredMode = Schema.RequiredMode.REQUIRED) String orderNo,
        @Schema(description = "The customer's code. An unknown code creates a customer with only this code.",
                example = "C10086", maxLength = 64, requiredMode = Schema.RequiredMode.REQUIRED) String customerCode,
        @Schema(description = "When the order was placed, in ISO-8601. A date (`2025-03-01`) means the start of that"
                + " day; a local date-time (`2025-03-01T14:30:00`) is taken in your company's time zone (Settings); a"
                + " date-time with an offset or zone (`2025-03-01T06:30:00Z`, `2025-03-01T14:30:00+08:00`) is"
                + " converted to your company's time zone. Seconds are the finest unit kept. From 1970-01-01 to a"
                + " day from now.", example = "2025-03-01T14:30:00", requiredMode = Schema.RequiredMode.REQUIRED)
        String orderedAt,
        @Schema(description = "The amount in your company's currency, with at most 2 decimal places: a number or a"
                + " string holding one, less than 1,000,000,000,000 in magnitude. Negative only for a REFUNDED order,"
                + " and then it must be negative.", example = "199.90", minimum = "-999999999999.99",
                maximum = "999999999999.99", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
        @Schema(description = "Items in the order, 0 to 1,000,000.", example = "2", defaultValue = "1", minimum = "0",
                maximum = "1000000") Integer quantity,
        @Schema(description = "COMPLETED counts as a purchase; REFUNDED is a refund document with a negative amount"
                + " that nets against revenue; CANCELLED counts for nothing. Any case.",
                allowableValues = {"COMPLETED", "REFUNDED", "CANCELLED"}, defaultValue = "COMPLETED") String status,
        @Schema(example = "护肤", maxLength = 100) String category,
        @Schema(description = "The sales channel.", example = "天猫", maxLength = 60) String channel) {
}
