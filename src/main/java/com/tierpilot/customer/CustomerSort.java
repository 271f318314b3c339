package com.tierpilot.customer;

import java.util.List;

/**
 * The orders the customer list can be sorted in: only these reach the SQL. Each follows an index exactly (the id,
 * which every secondary index ends with, breaks ties; the code is unique and needs none), so that a page is read in
 * index order instead of sorting the whole company's customers. The same orders are kept by the copies of the sort
 * keys next to tags and segment members (V85), whose indexes end with the customer's id in the same way.
 */
public enum CustomerSort {
    CODE(List.of("code")),
    NAME(List.of("name", "id")),
    REGION(List.of("region", "city", "id")),
    CREATED(List.of("created_on", "id"));

    private final List<String> columns;

    CustomerSort(List<String> columns) {
        this.columns = columns;
    }

    /** The ORDER BY list over the customer {@code c} in this direction. */
    public String orderBy(boolean ascending) {
        return orderBy("c", "id", ascending);
    }

    /**
     * The ORDER BY list over rows aliased {@code alias} that carry the customer's sort keys under the customer's
     * column names and its id as {@code idColumn}.
     */
    public String orderBy(String alias, String idColumn, boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        return String.join(", ", columns.stream()
                .map(column -> alias + "." + (column.equals("id") ? idColumn : column) + direction).toList());
    }
}
