package com.tierpilot.customer;

/** How many customers match a filter; counting stops at {@code CustomerSearchService.COUNT_LIMIT}: then {@code more}. */
public record CustomerCount(long value, boolean more) {
}
