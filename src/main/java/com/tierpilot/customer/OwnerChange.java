package com.tierpilot.customer;

import com.tierpilot.base.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change of a customer's owner: when, by whom (null: the night), how, from whom to whom (null: the pool). */
public record OwnerChange(Instant changedAt, @Nullable UserId changedBy, OwnerAction action,
        @Nullable Long oldManager, @Nullable Long newManager) {
}
