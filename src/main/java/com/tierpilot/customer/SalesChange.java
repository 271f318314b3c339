package com.tierpilot.customer;

import com.tierpilot.base.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One changed field of a customer's sales state: when, by whom (none for an import or a token), from where. */
public record SalesChange(Instant changedAt, @Nullable UserId changedBy, SalesSource source, String field,
        @Nullable String oldValue, @Nullable String newValue) {
}
