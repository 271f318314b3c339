package com.tierpilot.campaign;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A shop's request to use a coupon code on an order of a customer. */
public record RedemptionRequest(String code, String customerCode, String orderNo, BigDecimal orderAmount,
        @Nullable String category) {
}
