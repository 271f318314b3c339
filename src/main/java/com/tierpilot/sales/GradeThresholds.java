package com.tierpilot.sales;

import com.tierpilot.base.UserFacingException;

/**
 * Days to the expected close date within which a prospect with a clear need is A, B or C; later is D. The
 * defaults are the seed's: one, three and six months.
 */
public record GradeThresholds(int aWithinDays, int bWithinDays, int cWithinDays) {

    public static final GradeThresholds DEFAULT = new GradeThresholds(30, 90, 180);
    public static final int MAX_DAYS = 3650;

    /** Rising thresholds from 1 day to ten years, or the reason in the user's language. */
    public GradeThresholds checked() {
        if (aWithinDays < 1 || aWithinDays >= bWithinDays || bWithinDays >= cWithinDays || cWithinDays > MAX_DAYS) {
            throw new UserFacingException("sales.settings.error.thresholds", MAX_DAYS);
        }
        return this;
    }
}
