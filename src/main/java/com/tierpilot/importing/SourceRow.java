package com.tierpilot.importing;

import java.util.List;

/**
 * One data row of a file: its row number (the header is row 1) and its cells as text. Dates from typed XLSX cells
 * arrive as ISO text ({@code 2025-03-01 10:30:00}), numbers as plain decimals.
 */
public record SourceRow(int rowNumber, List<String> cells) {

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    /** The row's cells as one line, for the error report. */
    public String raw() {
        String joined = String.join(" | ", cells);
        return joined.length() > 2000 ? joined.substring(0, 1997) + "..." : joined;
    }
}
