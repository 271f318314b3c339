package com.tierpilot.campaign;

/**
 * A reversed redemption: {@code useFreed} when the coupon was still valid and its use could be given back;
 * {@code repeated} when it had been reversed before.
 */
public record Reversal(String orderNo, String code, boolean useFreed, boolean repeated) {
}
