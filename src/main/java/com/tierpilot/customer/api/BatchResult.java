package com.tierpilot.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to a batch upsert in which at least one item was written. */
@Schema(description = "The outcome of a batch upsert. Items listed in `errors` were skipped; all others were"
        + " written together, in one transaction.")
public record BatchResult(
        @Schema(description = "Items that did not exist before.", example = "2") int created,
        @Schema(description = "Items that existed and were updated (also when nothing changed).", example = "1")
        int updated,
        @Schema(description = "The items that were skipped, and why.") List<ItemError> errors,
        @Schema(description = "Items that were written, except for the part named here (issue 19: a marketing"
                + " consent `true` not recorded because the customer withdrew consent or is suppressed).")
        List<ItemError> warnings) {

    public BatchResult(int created, int updated, List<ItemError> errors) {
        this(created, updated, errors, List.of());
    }
}
