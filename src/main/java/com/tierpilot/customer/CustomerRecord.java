package com.tierpilot.customer;

import com.tierpilot.base.UserId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A customer as written in bulk (import, API, demo data); upserted by its code within the tenant. A null field keeps
 * the stored value, so a partial record never wipes data; {@code marketingConsent} is no exception (null keeps the
 * stored consent, and a new customer without it has none).
 */
public record CustomerRecord(
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
        Set<String> tags,
        @Nullable UserId accountManager,
        LocalDate createdOn,
        @Nullable Boolean marketingConsent,
        Map<String, String> attributes) {

    public CustomerRecord {
        tags = Set.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    /** A customer known only by its code, as created when an order names an unknown customer. */
    public static CustomerRecord bare(String code, LocalDate createdOn) {
        return new CustomerRecord(code, null, null, null, null, null, null, null, null, null, null, Set.of(), null,
                createdOn, null, Map.of());
    }
}
