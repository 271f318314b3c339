package com.tierpilot.importing;

import com.tierpilot.customer.IntakeRow;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A file row after conversion: a customer or order (line) for the customer module's intake, or the problems that keep it out. */
public sealed interface ConvertedRow {

    int rowNumber();

    /** A row that passed every check, to be staged. */
    record Accepted(IntakeRow row) implements ConvertedRow {
        @Override
        public int rowNumber() {
            return row.rowNumber();
        }
    }

    /** The field-level problems of a row that cannot be imported; the first one is its reason. */
    record Rejected(int rowNumber, List<Problem> problems, String raw) implements ConvertedRow {
    }

    record Problem(@Nullable ImportField field, RejectReason reason, String detail) {
    }
}
