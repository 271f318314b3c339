package com.tierpilot.importing;

import java.util.Arrays;
import java.util.List;

/** What a file holds. */
public enum ImportKind {
    /** One row per customer, upserted by code. */
    CUSTOMERS,
    /** One row per order, de-duplicated by order number. */
    ORDERS,
    /** Several rows per order (one per product); rows with one order number form one order. */
    ORDER_LINES;

    public List<ImportField> fields() {
        return Arrays.stream(ImportField.values()).filter(f -> f.kinds().contains(this)).toList();
    }

    public List<ImportField> requiredFields() {
        return fields().stream().filter(ImportField::required).toList();
    }

    public String messageKey() {
        return "import.kind." + name();
    }
}
