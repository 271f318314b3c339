package com.tierpilot.customer.importing;

import com.tierpilot.customer.SalesState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A file row after conversion: a staged customer, a staged order (line), or the problems that keep it out. */
public sealed interface ConvertedRow {

    int rowNumber();

    /** The field-level problems of a row that cannot be imported; the first one is its reason. */
    record Rejected(int rowNumber, List<Problem> problems, String raw) implements ConvertedRow {
    }

    record Problem(@Nullable ImportField field, RejectReason reason, String detail) {
    }

    record CustomerRow(int rowNumber, String code, @Nullable String name, @Nullable String phone,
            @Nullable String email, @Nullable String gender, @Nullable LocalDate birthday, @Nullable String region,
            @Nullable String city, @Nullable String industry, @Nullable String companySize,
            @Nullable String sourceChannel, @Nullable Long accountManager, @Nullable LocalDate createdOn,
            @Nullable Boolean marketingConsent, Set<String> tags, Map<String, String> attributes,
            @Nullable SalesState sales, @Nullable Boolean smsConsent, @Nullable Boolean emailConsent,
            java.time.@Nullable Instant consentAt) implements ConvertedRow {
    }

    /**
     * An order, or one line of an order. {@code orderedAt} is already in the tenant's time zone; {@code amount} is
     * the order amount, or the line total (quantity times unit price) for a line.
     */
    record LineRow(int rowNumber, String orderNo, String customerCode, LocalDateTime orderedAt, BigDecimal amount,
            int quantity, @Nullable String category, @Nullable String channel, @Nullable String status,
            @Nullable String region) implements ConvertedRow {
    }
}
