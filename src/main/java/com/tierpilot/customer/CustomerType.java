package com.tierpilot.customer;

/** The seed's customer types, from the ideal customer to the one to avoid; the labels are the company's to word. */
public enum CustomerType {
    IDEAL, GOOD, AVERAGE, POOR, AVOID;

    public String messageKey() {
        return "sales.type." + name();
    }
}
