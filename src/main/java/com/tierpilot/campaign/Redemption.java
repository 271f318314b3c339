package com.tierpilot.campaign;

import java.math.BigDecimal;

/** A redemption: the discount given on the order; {@code repeated} when the order had redeemed this code before. */
public record Redemption(long id, String code, String orderNo, BigDecimal orderAmount, BigDecimal discount,
        BigDecimal amountToPay, boolean repeated) {
}
