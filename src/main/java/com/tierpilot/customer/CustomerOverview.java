package com.tierpilot.customer;

import java.math.BigDecimal;

/** Headline figures of a tenant's customer base over the last 365 days. */
public record CustomerOverview(long customers, long activeCustomers, long orders, BigDecimal revenue) {
}
