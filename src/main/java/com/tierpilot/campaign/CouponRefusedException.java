package com.tierpilot.campaign;

import com.tierpilot.base.UserFacingException;

/** A redemption that was refused, and why; nothing was written. */
public class CouponRefusedException extends UserFacingException {

    private final RefusalReason reason;

    public CouponRefusedException(RefusalReason reason, Object... args) {
        super(reason.messageKey(), args);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
