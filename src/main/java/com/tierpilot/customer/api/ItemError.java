package com.tierpilot.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One problem with one item of a batch. */
@Schema(description = "A problem with one item of the request. The item was not written.")
public record ItemError(
        @Schema(description = "Position of the item in the request array, from 0.", example = "3") int index,
        @Schema(description = "The field, e.g. `birthday`, `tags[2]` or `attributes.membership`; null when the"
                + " problem concerns the whole item.", example = "birthday", nullable = true) @Nullable String field,
        @Schema(description = "What is wrong, in English.",
                example = "must be an ISO-8601 date (yyyy-MM-dd), e.g. 1990-05-20") String message) {
}
