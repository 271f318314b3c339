package com.tierpilot.customer;

/** The customer's need, as the seed divides it: a target (now), a potential one (future), or dead (none). */
public enum SalesNeed {
    NOW, FUTURE, NONE;

    public String messageKey() {
        return "sales.need." + name();
    }
}
