package com.tierpilot.customer;

/** Where a customer stands in the sale (issue 20): potential, then negotiating, then signed; or lost, with a reason. */
public enum SalesStage {
    POTENTIAL, NEGOTIATING, SIGNED, LOST;

    /** The default label; a company may word its stages its own way. */
    public String messageKey() {
        return "sales.stage." + name();
    }
}
