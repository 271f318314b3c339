package com.tierpilot.importing;

import java.util.List;
import java.util.Map;

/** A row of the preview: its mapped values as read, and the problem per field, if any (empty: it imports). */
public record PreviewRow(int rowNumber, Map<ImportField, String> values, Map<String, String> attributes,
        List<PreviewProblem> problems) {

    public record PreviewProblem(String field, RejectReason reason, String detail) {
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
