package com.tierpilot.customer;

/** Where a change of the sales state came from, for its history. */
public enum SalesSource {
    UI, API, IMPORT;

    public String messageKey() {
        return "sales.source." + name();
    }
}
