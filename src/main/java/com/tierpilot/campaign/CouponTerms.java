package com.tierpilot.campaign;

import com.tierpilot.base.UserFacingException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a coupon gives and when. {@code value} is the percent off (PERCENT), the amount off (FIXED) or the saving Y
 * (SPEND_SAVE, with {@code spendThreshold} X). An empty {@code categories} list means any category. A
 * {@code totalLimit} of null means no limit in total.
 */
public record CouponTerms(DiscountType type, BigDecimal value, @Nullable BigDecimal spendThreshold,
        BigDecimal minSpend, Instant validFrom, Instant validTo, List<String> categories, CodeMode codeMode,
        String prefix, @Nullable String sharedCode, int perCodeLimit, int perCustomerLimit,
        @Nullable Integer totalLimit) {

    /** The characters of a code: no 0/O, 1/I/L, so a code read aloud or off a screen is not misread. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public CouponTerms {
        categories = categories.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        prefix = prefix.strip().toUpperCase(Locale.ROOT);
        sharedCode = sharedCode == null || sharedCode.isBlank() ? null : sharedCode.strip().toUpperCase(Locale.ROOT);
    }

    /** Refuses terms that make no sense, with a reason the user can act on. */
    public void validate() {
        if (value.signum() <= 0 || minSpend.signum() < 0) {
            throw new UserFacingException("campaigns.error.discountValue");
        }
        if (type == DiscountType.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new UserFacingException("campaigns.error.percent");
        }
        if (type == DiscountType.SPEND_SAVE && (spendThreshold == null || spendThreshold.compareTo(value) <= 0)) {
            throw new UserFacingException("campaigns.error.spendSave");
        }
        if (!validTo.isAfter(validFrom)) {
            throw new UserFacingException("campaigns.error.validity");
        }
        if (perCodeLimit < 1 || perCustomerLimit < 1 || (totalLimit != null && totalLimit < 1)) {
            throw new UserFacingException("campaigns.error.limits");
        }
        if (!prefix.matches("[A-Z0-9]{0,8}")) {
            throw new UserFacingException("campaigns.error.prefix");
        }
        if (codeMode == CodeMode.SHARED && (sharedCode == null || !sharedCode.matches("[A-Z0-9-]{4,40}"))) {
            throw new UserFacingException("campaigns.error.sharedCode");
        }
    }

    /** The order amount a coupon needs before it applies: the minimum spend, and for 满减 the threshold X. */
    public BigDecimal requiredSpend() {
        return type == DiscountType.SPEND_SAVE && spendThreshold != null ? spendThreshold.max(minSpend) : minSpend;
    }

    /** The discount on an order of this amount (which must reach {@link #requiredSpend()}), never more than it. */
    public BigDecimal discountFor(BigDecimal orderAmount) {
        BigDecimal discount = switch (type) {
            case PERCENT -> orderAmount.multiply(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            case FIXED, SPEND_SAVE -> value;
        };
        return discount.min(orderAmount).setScale(2, RoundingMode.HALF_UP);
    }
}
