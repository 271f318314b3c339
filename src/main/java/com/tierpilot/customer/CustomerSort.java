package com.tierpilot.customer;

import java.util.List;

/**
 * The orders the customer list can be sorted in: only these reach the SQL. Each follows an index exactly (the id,
 * which every secondary index ends with, breaks ties; the code is unique and needs none), so that a page is read in
 * index order instead of sorting the whole company's customers.
 */
public enum CustomerSort {
    CODE(List.of("c.code")),
    NAME(List.of("c.name", "c.id")),
    REGION(List.of("c.region", "c.city", "c.id")),
    CREATED(List.of("c.created_on", "c.id"));

    private final List<String> columns;

    CustomerSort(List<String> columns) {
        this.columns = columns;
    }

    /** The ORDER BY list in this direction. */
    public String orderBy(boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        return String.join(direction + ", ", columns) + direction;
    }
}
