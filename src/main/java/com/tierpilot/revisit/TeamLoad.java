package com.tierpilot.revisit;

import org.jspecify.annotations.Nullable;

/** A manager's tasks (null: the unassigned queue): open, overdue among them, and done in the last 30 days. */
public record TeamLoad(@Nullable Long managerId, long open, long overdue, long doneLast30Days) {
}
