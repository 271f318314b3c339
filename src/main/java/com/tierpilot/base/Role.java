package com.tierpilot.base;

/** What a user may do inside its tenant. */
public enum Role {
    /** Signs up, configures the tenant and manages its users. */
    OWNER,
    /** Plans campaigns per segment, imports and exports data. */
    MARKETER,
    /** Works the churn list and the follow-up tasks of the customers assigned to them. */
    ACCOUNT_MANAGER;

    /** Role names as used in {@code @RolesAllowed} and {@code hasRole(...)}. */
    public static final String OWNER_NAME = "OWNER";
    public static final String MARKETER_NAME = "MARKETER";
    public static final String ACCOUNT_MANAGER_NAME = "ACCOUNT_MANAGER";

    public String authority() {
        return "ROLE_" + name();
    }

    /** The i18n key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }
}
