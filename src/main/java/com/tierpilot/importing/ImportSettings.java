package com.tierpilot.importing;

import com.tierpilot.base.UserFacingException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read a file: what it holds, which column holds which field (0-based column indexes), extra customer
 * attributes by column, the date format, and the time zone the file's times are in.
 *
 * @param cancellationPrefix order lines only: an invoice number starting with {@code C} marks a cancellation (as
 *                           in UCI Online Retail); turn it off for shops whose order numbers start with C
 */
public record ImportSettings(ImportKind kind, Map<ImportField, Integer> columns, Map<String, Integer> attributes,
        DateFormatOption dateFormat, ZoneId fileZone, boolean cancellationPrefix) {

    public ImportSettings {
        columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
        attributes = Map.copyOf(new LinkedHashMap<>(attributes));
    }

    /** Checks the settings against the file's header; a missing required field or a wrong column is an error. */
    public void validate(List<String> header) {
        for (ImportField required : kind.requiredFields()) {
            if (!columns.containsKey(required)) {
                throw new UserFacingException("import.error.requiredUnmapped", required.name());
            }
        }
        for (var entry : columns.entrySet()) {
            if (!entry.getKey().kinds().contains(kind) || entry.getValue() < 0 || entry.getValue() >= header.size()) {
                throw new UserFacingException("import.error.badMapping", entry.getKey().name());
            }
        }
        if (kind != ImportKind.CUSTOMERS && !attributes.isEmpty()) {
            throw new UserFacingException("import.error.badMapping", "attributes");
        }
        for (var entry : attributes.entrySet()) {
            String name = entry.getKey();
            if (name.isBlank() || name.length() > 60 || entry.getValue() < 0 || entry.getValue() >= header.size()) {
                throw new UserFacingException("import.error.badAttribute", name);
            }
        }
    }

    public ImportSettings withKind(ImportKind newKind) {
        return new ImportSettings(newKind, columns, attributes, dateFormat, fileZone, cancellationPrefix);
    }
}
