package com.tierpilot.segmentation;

import com.tierpilot.base.UserFacingException;
import java.math.BigDecimal;

/**
 * ABC value tiers. In revenue-share mode (the Pareto default, 80% / 95%), a customer is in A while the revenue share
 * of the customers ranked before it is below the first cut, in B below the second, else in C. In customer-share mode
 * (the 20/60/20 preset) the share is that of the customers ranked before it. Customers are ranked by monetary value,
 * descending, ties by customer code; a customer with a monetary value of zero or less is in C.
 */
public record AbcSettings(Mode mode, BigDecimal aCut, BigDecimal bCut) {

    public enum Mode {
        REVENUE_SHARE,
        CUSTOMER_SHARE
    }

    public static AbcSettings pareto() {
        return new AbcSettings(Mode.REVENUE_SHARE, new BigDecimal("0.80"), new BigDecimal("0.95"));
    }

    /** The seed's 20/60/20: the top 20% of customers, the middle 60%, the bottom 20%. */
    public static AbcSettings twentySixtyTwenty() {
        return new AbcSettings(Mode.CUSTOMER_SHARE, new BigDecimal("0.20"), new BigDecimal("0.80"));
    }

    public void validate() {
        if (aCut.signum() <= 0 || bCut.compareTo(aCut) <= 0 || bCut.compareTo(BigDecimal.ONE) > 0) {
            throw new UserFacingException("segmentation.error.abcCuts");
        }
    }
}
