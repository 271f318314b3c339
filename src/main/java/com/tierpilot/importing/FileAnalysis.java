package com.tierpilot.importing;

import java.util.List;

/**
 * What the wizard shows after the upload: the detected format, the header, the first rows as text, and the
 * suggested settings (the tenant's remembered mapping for this layout, or one guessed from the column names and
 * the data: rows that repeat an order number with other values make it order lines).
 */
public record FileAnalysis(SniffedFile file, List<String> header, List<SourceRow> sample, ImportSettings suggested,
        boolean remembered, OrderRepeats repeats) {
}
