package com.tierpilot.importing;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a file whose order number was already on an earlier row: what an "Orders" import keeps only once.
 * When such rows differ from the first row of their order (another product, quantity or amount), the file holds
 * order lines, and importing it as orders would lose their revenue.
 *
 * @param rowsRead     the rows looked at
 * @param wholeFile    whether they are all the file's rows (else the first {@code rowsRead})
 * @param repeatedRows rows whose order number was on an earlier row
 * @param differing    of those, rows that differ from the order's first row in some other column
 * @param example      a differing repeat (else any repeat), to show the user; null without repeats
 */
public record OrderRepeats(int rowsRead, boolean wholeFile, int repeatedRows, int differing,
        @Nullable Example example) {

    /** At most this many rows are read to find repeats. */
    public static final int MAX_ROWS = 200_000;

    /** Row {@code rowNumber} repeats order {@code orderNo} of row {@code firstRowNumber}. */
    public record Example(int rowNumber, String orderNo, int firstRowNumber) {
    }

    public static final OrderRepeats NONE = new OrderRepeats(0, true, 0, 0, null);

    /**
     * Order lines: at least two rows (and 1% of the rows read) repeat an order number with other values. A stray
     * repeat in a file of orders is not enough; the preview warns about it instead.
     */
    public boolean looksLikeOrderLines() {
        return differing >= 2 && differing * 100L >= rowsRead;
    }

    /** Reads up to {@link #MAX_ROWS} rows and counts the repeats of the order number in column {@code column}. */
    static OrderRepeats scan(Iterator<SourceRow> rows, int column) {
        record First(int rowNumber, int values) {
        }
        Map<String, First> firstRows = new HashMap<>();
        int read = 0;
        int repeated = 0;
        int differing = 0;
        Example example = null;
        boolean exampleDiffers = false;
        while (rows.hasNext() && read < MAX_ROWS) {
            SourceRow row = rows.next();
            read++;
            String orderNo = row.cell(column).strip();
            if (orderNo.isEmpty()) {
                continue;
            }
            First first = firstRows.putIfAbsent(orderNo.toUpperCase(Locale.ROOT), new First(row.rowNumber(),
                    values(row.cells())));
            if (first == null) {
                continue;
            }
            repeated++;
            boolean differs = first.values() != values(row.cells());
            if (differs) {
                differing++;
            }
            if (example == null || differs && !exampleDiffers) {
                example = new Example(row.rowNumber(), orderNo, first.rowNumber());
                exampleDiffers = differs;
            }
        }
        return new OrderRepeats(read, !rows.hasNext(), repeated, differing, example);
    }

    /** A hash of the row's values (trailing empty cells ignored): only the hash of each order's first row is kept. */
    private static int values(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        int hash = 1;
        for (String cell : cells.subList(0, end)) {
            hash = 31 * hash + cell.strip().hashCode();
        }
        return hash;
    }
}
