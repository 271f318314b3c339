package com.tierpilot.campaign;

import org.jspecify.annotations.Nullable;

/** A code of a campaign's coupon, with its member (null for a shared code) and how often it was used. */
public record CouponCode(String code, @Nullable String customerCode, @Nullable String customerName, int uses) {
}
