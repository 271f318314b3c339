package com.tierpilot.customer;

/** The orders the customer list can be sorted in: only these reach the SQL, each backed by an index. */
public enum CustomerSort {
    CODE("c.code"), NAME("c.name"), REGION("c.region"), CREATED("c.created_on");

    private final String column;

    CustomerSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
