package com.tierpilot.customer;

import com.tierpilot.base.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything known about one customer, with a summary of its whole order history. */
public record CustomerProfile(
        long id,
        String code,
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email,
        @Nullable Gender gender,
        @Nullable LocalDate birthday,
        @Nullable String region,
        @Nullable String city,
        @Nullable String industry,
        @Nullable String companySize,
        @Nullable String sourceChannel,
        List<String> tags,
        @Nullable UserId accountManager,
        LocalDate createdOn,
        boolean marketingConsent,
        Map<String, String> attributes,
        OrderSummary orders) {

    /**
     * The customer's whole order history: completed orders, revenue net of refunds, and the first and last order
     * dates (null without orders).
     */
    public record OrderSummary(long count, BigDecimal revenue, @Nullable LocalDate first, @Nullable LocalDate last) {
    }
}
