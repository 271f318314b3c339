package com.tierpilot.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A checked row handed to {@link CustomerIntakeService} for staging: a customer, or an order (line). The row number
 * is the line of the source (a file's row), by which the merge hands back the lines it turns away (see
 * {@link CustomerIntakeService}).
 */
public sealed interface IntakeRow {

    int rowNumber();

    record CustomerRow(int rowNumber, String code, @Nullable String name, @Nullable String phone,
            @Nullable String email, @Nullable String gender, @Nullable LocalDate birthday, @Nullable String region,
            @Nullable String city, @Nullable String industry, @Nullable String companySize,
            @Nullable String sourceChannel, @Nullable Long accountManager, @Nullable LocalDate createdOn,
            @Nullable Boolean marketingConsent, Set<String> tags, Map<String, String> attributes,
            @Nullable SalesState sales, @Nullable Boolean smsConsent, @Nullable Boolean emailConsent,
            @Nullable Instant consentAt) implements IntakeRow {
    }

    /**
     * An order, or one line of an order. {@code orderedAt} is already in the tenant's time zone; {@code amount} is
     * the order amount, or the line total (quantity times unit price) for a line.
     */
    record LineRow(int rowNumber, String orderNo, String customerCode, LocalDateTime orderedAt, BigDecimal amount,
            int quantity, @Nullable String category, @Nullable String channel, @Nullable String status,
            @Nullable String region) implements IntakeRow {
    }
}
