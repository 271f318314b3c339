package com.tierpilot.importing.ui;

import com.tierpilot.importing.SourceRow;
import java.util.List;

/** A column of the uploaded file as offered in the mapping form: its letter, header and a sample value. */
record ColumnChoice(int index, String label) {

    static List<ColumnChoice> of(List<String> header, List<SourceRow> sample) {
        return java.util.stream.IntStream.range(0, header.size()).mapToObj(i -> {
            String example = sample.stream().map(r -> r.cell(i)).filter(v -> !v.isBlank()).findFirst().orElse("");
            if (example.length() > 24) {
                example = example.substring(0, 23) + "…";
            }
            return new ColumnChoice(i, letter(i) + " · " + header.get(i) + (example.isEmpty() ? "" : " (" + example
                    + ")"));
        }).toList();
    }

    static String letter(int index) {
        String name = "";
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name = (char) ('A' + (i - 1) % 26) + name;
        }
        return name;
    }
}
