package com.tierpilot.segmentation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What draft settings would produce on today's data, per scheme: customers and revenue (in the window) per
 * segment. Nothing is saved.
 */
public record SettingsPreview(LocalDate asOf, int customers, BigDecimal revenue, List<Row> rfm, List<Row> abc,
        List<Row> lifecycle) {

    /** One segment of the preview. */
    public record Row(String segment, int customers, BigDecimal revenue) {
    }
}
