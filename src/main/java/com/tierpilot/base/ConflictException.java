package com.tierpilot.base;

/**
 * A request that is valid but cannot be carried out in the present state of things: a reward out of stock, a coupon
 * used up. The UI shows its message like any other; the REST API answers 409.
 */
public class ConflictException extends UserFacingException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
