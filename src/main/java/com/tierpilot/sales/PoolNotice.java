package com.tierpilot.sales;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A notice to an owner: the customer (code, name) goes back to the shared pool on the night of {@code returnsOn}. */
public record PoolNotice(long customerId, String code, @Nullable String name, LocalDate returnsOn) {
}
