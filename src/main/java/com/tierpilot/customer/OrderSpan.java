package com.tierpilot.customer;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** How many customers and orders a company has, and the dates of its first and last order (null without orders). */
public record OrderSpan(long customers, long orders, @Nullable LocalDate first, @Nullable LocalDate last) {
}
