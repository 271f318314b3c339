package com.tierpilot.customer;

/** How a customer's owner changed: assigned by the owner or a marketer, released, claimed from the pool, returned. */
public enum OwnerAction {
    ASSIGN, RELEASE, CLAIM, RETURN;

    public String messageKey() {
        return "ownership.action." + name();
    }
}
