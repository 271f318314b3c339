package com.tierpilot.customer;

import org.jspecify.annotations.Nullable;

/**
 * What the customer list is filtered by; null means "any". {@code ownOrPoolOf}, set for an account manager, keeps
 * only that manager's customers and the pool's (data scope). {@code text} finds customers whose code, name, phone or
 * e-mail contains it. {@code manager} is a user id, or {@link #UNASSIGNED} for customers without a manager. The
 * segment filters ({@code rfm}, {@code abc}, {@code lifecycle} keys, {@code rule} a rule segment key) apply to the
 * current segmentation run.
 */
public record CustomerFilter(@Nullable String text, @Nullable String region, @Nullable String tag,
        @Nullable Long manager, @Nullable String rfm, @Nullable String abc, @Nullable String lifecycle,
        @Nullable String rule, @Nullable String code, @Nullable Long ownOrPoolOf) {

    /** The value of {@code manager} that stands for "no account manager". */
    public static final long UNASSIGNED = -1;

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null, null);

    /** The list's filter: {@code code}, an exact customer code, is for acting on one customer. */
    public CustomerFilter(@Nullable String text, @Nullable String region, @Nullable String tag,
            @Nullable Long manager, @Nullable String rfm, @Nullable String abc, @Nullable String lifecycle,
            @Nullable String rule) {
        this(text, region, tag, manager, rfm, abc, lifecycle, rule, null, null);
    }

    /** This filter, narrowed to the customer with this code (without regard to case). */
    public CustomerFilter withCode(String customerCode) {
        return new CustomerFilter(text, region, tag, manager, rfm, abc, lifecycle, rule, customerCode, ownOrPoolOf);
    }

    /**
     * This filter, narrowed to what an account manager may see (data scope): their own customers and the shared
     * pool's.
     */
    public CustomerFilter visibleTo(long accountManager) {
        return new CustomerFilter(text, region, tag, manager, rfm, abc, lifecycle, rule, code, accountManager);
    }

    public CustomerFilter {
        text = blankToNull(text);
        region = blankToNull(region);
        tag = blankToNull(tag);
        rfm = blankToNull(rfm);
        abc = blankToNull(abc);
        lifecycle = blankToNull(lifecycle);
        rule = blankToNull(rule);
        code = blankToNull(code);
    }

    /** Whether a filter needs the current segmentation run. */
    public boolean bySegment() {
        return rfm != null || abc != null || lifecycle != null || rule != null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
