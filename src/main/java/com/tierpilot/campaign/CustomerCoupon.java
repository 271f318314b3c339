package com.tierpilot.campaign;

import java.math.BigDecimal;
import java.time.Instant;

/** A code a customer holds, for the customer's page. */
public record CustomerCoupon(long campaignId, String campaignName, String code, DiscountType type, BigDecimal value,
        Instant validTo, int uses, int perCodeLimit) {
}
