/**
 * Loyalty: the points ledger (append-only, idempotent per key, exactly once under concurrency, enforced by the
 * database), the balance that never goes negative, and the reversal of an order's points on a refund.
 */
@ApplicationModule(displayName = "Loyalty", allowedDependencies = {"base", "tenant", "customer", "campaign", "scheduling"})
@NullMarked
package com.tierpilot.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
