package com.tierpilot.sales;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.OwnershipLimits;
import java.util.EnumMap;
import java.util.Map;

/**
 * A company's rules of ownership and of the shared pool: customers per account manager (the seed's 500-800; 800 by
 * default, a warning past it), claims from the pool per manager and day, and the days without a follow-up after
 * which a customer of each grade, or one without a grade, goes back to the pool.
 */
public record PoolRules(int managerLimit, int dailyClaims, Map<ProspectGrade, Integer> returnDays,
        int ungradedReturnDays) {

    public static final int MAX_LIMIT = 100_000;
    public static final int MAX_DAYS = 3650;
    /**
     * The days of a customer without a grade that mean "never back to the pool": the default, because such a
     * customer is a buyer that an account manager looks after from the churn list and the revisit plans, not a
     * prospect; a company that wants its ungraded customers pooled sets days.
     */
    public static final int NEVER = 0;
    public static final PoolRules DEFAULT = new PoolRules(OwnershipLimits.DEFAULT_MANAGER_LIMIT,
            OwnershipLimits.DEFAULT_DAILY_CLAIMS, Map.of(ProspectGrade.A, 7, ProspectGrade.B, 14, ProspectGrade.C, 30,
                    ProspectGrade.D, 60, ProspectGrade.E, 90), NEVER);

    public PoolRules {
        returnDays = Map.copyOf(new EnumMap<>(returnDays));
    }

    /** The days without a follow-up after which a customer of this grade returns to the pool. */
    public int returnDays(ProspectGrade grade) {
        return returnDays.getOrDefault(grade, ungradedReturnDays);
    }

    /** Whether customers without a grade ever return to the pool. */
    public boolean poolsUngraded() {
        return ungradedReturnDays != NEVER;
    }

    /** Limits from 1, and days from 1 to ten years for every grade, or the reason in the user's language. */
    public PoolRules checked() {
        if (managerLimit < 1 || managerLimit > MAX_LIMIT || dailyClaims < 1 || dailyClaims > MAX_LIMIT) {
            throw new UserFacingException("pool.settings.error.limits", MAX_LIMIT);
        }
        for (ProspectGrade grade : ProspectGrade.values()) {
            Integer days = returnDays.get(grade);
            if (days == null || days < 1 || days > MAX_DAYS) {
                throw new UserFacingException("pool.settings.error.days", MAX_DAYS);
            }
        }
        if (ungradedReturnDays < NEVER || ungradedReturnDays > MAX_DAYS) {
            throw new UserFacingException("pool.settings.error.ungradedDays", MAX_DAYS);
        }
        return this;
    }
}
