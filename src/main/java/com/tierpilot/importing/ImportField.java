package com.tierpilot.importing;

import static com.tierpilot.importing.ImportKind.CUSTOMERS;
import static com.tierpilot.importing.ImportKind.ORDERS;
import static com.tierpilot.importing.ImportKind.ORDER_LINES;

import java.util.Set;

/** A field a file column can be mapped to, with the kinds of file it belongs to. */
public enum ImportField {
    CUSTOMER_CODE(true, Set.of(CUSTOMERS, ORDERS, ORDER_LINES)),
    NAME(false, Set.of(CUSTOMERS)),
    PHONE(false, Set.of(CUSTOMERS)),
    EMAIL(false, Set.of(CUSTOMERS)),
    GENDER(false, Set.of(CUSTOMERS)),
    BIRTHDAY(false, Set.of(CUSTOMERS)),
    REGION(false, Set.of(CUSTOMERS, ORDERS, ORDER_LINES)),
    CITY(false, Set.of(CUSTOMERS)),
    INDUSTRY(false, Set.of(CUSTOMERS)),
    COMPANY_SIZE(false, Set.of(CUSTOMERS)),
    SOURCE_CHANNEL(false, Set.of(CUSTOMERS)),
    TAGS(false, Set.of(CUSTOMERS)),
    ACCOUNT_MANAGER(false, Set.of(CUSTOMERS)),
    CREATED_ON(false, Set.of(CUSTOMERS)),
    MARKETING_CONSENT(false, Set.of(CUSTOMERS)),
    /** Marketing consent on the SMS channel (issue 19), recorded with the import as its source. */
    SMS_CONSENT(false, Set.of(CUSTOMERS)),
    /** Marketing consent on the e-mail channel (issue 19). */
    EMAIL_CONSENT(false, Set.of(CUSTOMERS)),
    /** When the customer gave or withdrew the consent of the row; the time of the import when not mapped. */
    CONSENT_AT(false, Set.of(CUSTOMERS)),
    SALES_STAGE(false, Set.of(CUSTOMERS)),
    LOST_REASON(false, Set.of(CUSTOMERS)),
    EXPECTED_CLOSE_ON(false, Set.of(CUSTOMERS)),
    EXPECTED_DEAL_SIZE(false, Set.of(CUSTOMERS)),
    NEED(false, Set.of(CUSTOMERS)),
    CUSTOMER_TYPE(false, Set.of(CUSTOMERS)),
    NEXT_FOLLOW_UP_ON(false, Set.of(CUSTOMERS)),
    ORDER_NO(true, Set.of(ORDERS, ORDER_LINES)),
    ORDERED_AT(true, Set.of(ORDERS, ORDER_LINES)),
    AMOUNT(true, Set.of(ORDERS)),
    QUANTITY(false, Set.of(ORDERS, ORDER_LINES)),
    UNIT_PRICE(true, Set.of(ORDER_LINES)),
    CATEGORY(false, Set.of(ORDERS, ORDER_LINES)),
    CHANNEL(false, Set.of(ORDERS, ORDER_LINES)),
    STATUS(false, Set.of(ORDERS));

    private final boolean required;
    private final Set<ImportKind> kinds;

    ImportField(boolean required, Set<ImportKind> kinds) {
        this.required = required;
        this.kinds = kinds;
    }

    public boolean required() {
        return required;
    }

    Set<ImportKind> kinds() {
        return kinds;
    }

    public String messageKey() {
        return "import.field." + name();
    }
}
