package com.tierpilot.segmentation;

import java.math.BigDecimal;

/** How many customers a rule matches in the current run, and their share of the window's revenue. */
public record RulePreview(int customers, int totalCustomers, BigDecimal revenue, double revenueShare) {
}
