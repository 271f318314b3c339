package com.tierpilot.base;

import org.jspecify.annotations.Nullable;

/** Text for cells of exported spreadsheets (CSV or XLSX) that users open in Excel or WPS. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * The value, with a leading apostrophe when it starts with =, +, -, @, a tab or a carriage return: a spreadsheet
     * would otherwise run it as a formula (CSV injection).
     */
    public static @Nullable String safe(@Nullable String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
