package com.tierpilot.segmentation;

import com.tierpilot.base.UserFacingException;
import java.util.EnumSet;
import java.util.List;

/**
 * Lifecycle rules, applied in order; the first that matches wins. {@code potential} (no order yet) is always first
 * and {@code churned} (nothing else matched) always last; the order of the four in between is the tenant's.
 * <ul>
 * <li>new: the first order is at most {@code newDays} days before the run's date;</li>
 * <li>loyal: at least {@code loyalOrders} orders in all, the last at most {@code loyalDays} days before;</li>
 * <li>active: the last order at most {@code activeDays} days before;</li>
 * <li>at risk: the last order at most {@code atRiskDays} days before.</li>
 * </ul>
 */
public record LifecycleSettings(List<LifecycleStage> order, int newDays, int loyalOrders, int loyalDays,
        int activeDays, int atRiskDays) {

    public LifecycleSettings {
        order = List.copyOf(order);
    }

    public static LifecycleSettings defaults() {
        return new LifecycleSettings(List.of(LifecycleStage.NEW, LifecycleStage.LOYAL, LifecycleStage.ACTIVE,
                LifecycleStage.AT_RISK), 30, 5, 90, 90, 180);
    }

    public void validate() {
        if (!EnumSet.copyOf(order).equals(EnumSet.of(LifecycleStage.NEW, LifecycleStage.LOYAL, LifecycleStage.ACTIVE,
                LifecycleStage.AT_RISK)) || order.size() != 4) {
            throw new UserFacingException("segmentation.error.lifecycleOrder");
        }
        if (newDays < 1 || loyalOrders < 1 || loyalDays < 1 || activeDays < 1 || atRiskDays < activeDays) {
            throw new UserFacingException("segmentation.error.lifecycleLimits");
        }
    }
}
