package com.tierpilot.customer.api;

import com.tierpilot.customer.BulkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The items of a batch request: a JSON array of 1 to {@value #MAX_ITEMS} objects. Every item is read; the invalid
 * ones are reported, and of the valid ones with the same key (customer code, order number; compared without regard
 * to case) the last one wins.
 */
final class Batch {

    private static final Logger log = LoggerFactory.getLogger(Batch.class);
    static final int MAX_ITEMS = 1000;

    private Batch() {
    }

    /** The valid items, at most one per key, and the problems of the others. */
    record Read<T>(String kind, List<T> valid, List<ItemError> errors) {

        /** The answer once the valid items are written; logged, with the tenant from the MDC. */
        BatchResult written(BulkResult written) {
            return written(written, List.of());
        }

        /** The answer with warnings about items that were written in part. */
        BatchResult written(BulkResult written, List<ItemError> warnings) {
            log.info("API: {} {}s created, {} updated, {} items rejected, {} warnings", written.created(), kind,
                    written.updated(), errors.size(), warnings.size());
            return new BatchResult(written.created(), written.updated(), errors, warnings);
        }
    }

    /**
     * Reads the items of the body.
     *
     * @throws InvalidBatchException when the body is not an array of 1 to 1,000 items, or when no item is valid
     */
    static <T> Read<T> read(@Nullable JsonNode body, String kind, Function<ItemReader, Optional<T>> reader,
            Function<T, String> key) {
        if (body == null || !body.isArray()) {
            throw new InvalidBatchException("The request body must be a JSON array of " + kind + " objects.",
                    List.of());
        }
        if (body.isEmpty() || body.size() > MAX_ITEMS) {
            throw new InvalidBatchException("A request must hold 1 to " + MAX_ITEMS + " " + kind + "s; this one holds "
                    + body.size() + "." + (body.isEmpty() ? "" : " Send them in several requests."), List.of());
        }
        List<ItemError> errors = new ArrayList<>();
        Map<String, T> valid = new LinkedHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.isObject()) {
                errors.add(new ItemError(i, null, "must be a JSON object"));
                continue;
            }
            reader.apply(new ItemReader(i, item, errors))
                    .ifPresent(value -> valid.put(key.apply(value).toLowerCase(Locale.ROOT), value));
        }
        if (valid.isEmpty()) {
            throw new InvalidBatchException("None of the " + body.size() + " " + kind
                    + "s is valid, so nothing was written; see errors.", errors);
        }
        return new Read<>(kind, List.copyOf(valid.values()), errors);
    }

    /** The text values of one field over the body's object items, for a look-up before the items are read. */
    static List<String> texts(JsonNode body, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : body) {
            JsonNode value = item.isObject() ? item.get(field) : null;
            if (value != null && value.isTextual()) {
                texts.add(value.asText().strip());
            }
        }
        return texts;
    }
}
