package com.tierpilot.customer;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the list shows it, with the segments of the current run (null before the first run, or when the
 * customer has none in that scheme).
 */
public record CustomerRow(long id, String code, @Nullable String name, @Nullable String phone,
        @Nullable String email, @Nullable String region, @Nullable String city, List<String> tags,
        @Nullable Long accountManagerId, LocalDate createdOn, @Nullable String rfmSegment, @Nullable String abcTier,
        @Nullable String lifecycleStage) {
}
