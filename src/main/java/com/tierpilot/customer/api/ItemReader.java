package com.tierpilot.customer.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Reads the fields of one item of a batch, checking each one and recording every problem as an {@link ItemError},
 * instead of stopping at the first. A field that is absent, JSON {@code null} or a blank string counts as not given.
 * Text fields take strings, and also whole numbers (customer codes and phone numbers are often sent as numbers).
 */
final class ItemReader {

    private final int index;
    private final JsonNode item;
    private final List<ItemError> errors;
    private boolean valid = true;

    /** The item's position in the request array, from 0. */
    int index() {
        return index;
    }

    ItemReader(int index, JsonNode item, List<ItemError> errors) {
        this.index = index;
        this.item = item;
        this.errors = errors;
    }

    /** Whether no problem was found in the item so far. */
    boolean valid() {
        return valid;
    }

    void error(String field, String message) {
        errors.add(new ItemError(index, field, message));
        valid = false;
    }

    /** Reports every field of the item that is not one of {@code known}, so that a misspelt field is not lost. */
    void rejectUnknownFields(Set<String> known, String itemKind) {
        for (String field : item.propertyNames()) {
            if (!known.contains(field)) {
                error(field, "is not a field of " + itemKind);
            }
        }
    }

    /** Reports each of the fields that is not given. */
    void required(String... fields) {
        for (String field : fields) {
            if (!has(field)) {
                error(field, "is required");
            }
        }
    }

    @Nullable String text(String field, int maxLength) {
        JsonNode node = item.get(field);
        return node == null ? null : text(field, node, maxLength);
    }

    /**
     * A code or number that identifies something (a customer code, an order number): a text without any control
     * character (NUL, a line break, a tab, ...), which would make it impossible to type, show or address.
     */
    @Nullable String identifier(String field, int maxLength) {
        String text = text(field, maxLength);
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            error(field, "must not contain control characters (such as NUL, tab or a line break)");
            return null;
        }
        return text;
    }

    /** The text of a field parsed by {@code parser}; reported with {@code expected} when the parser refuses it. */
    <T> @Nullable T parsed(String field, int maxLength, Function<String, T> parser, String expected) {
        String text = text(field, maxLength);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            error(field, "must be " + expected);
            return null;
        }
    }

    @Nullable Boolean bool(String field) {
        JsonNode node = item.get(field);
        if (node == null || isBlank(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    /** A whole number from {@code min} to {@code max}. */
    @Nullable Integer wholeNumber(String field, int min, int max) {
        JsonNode node = item.get(field);
        if (node == null || isBlank(node)) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToInt() || node.asInt() < min
                || node.asInt() > max) {
            error(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.asInt();
    }

    /**
     * A decimal number with at most {@code scale} decimal places and a magnitude below {@code limit}, sent as a JSON
     * number or as a string holding one.
     */
    @Nullable BigDecimal decimal(String field, int scale, BigDecimal limit) {
        JsonNode node = item.get(field);
        if (node == null || isBlank(node)) {
            return null;
        }
        if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            // JSON such as 1e400: beyond any double, it was read as infinity.
            error(field, "must be a finite number less than " + limit.toPlainString() + " in magnitude");
            return null;
        }
        BigDecimal value;
        try {
            value = node.isNumber() ? node.decimalValue() : node.isString() ? new BigDecimal(node.stringValue().strip())
                    : null;
        } catch (RuntimeException notADecimal) {
            value = null;
        }
        if (value == null) {
            error(field, "must be a number, e.g. 199.90");
        } else if (value.stripTrailingZeros().scale() > scale) {
            error(field, "must have at most " + scale + " decimal places");
        } else if (value.abs().compareTo(limit) >= 0) {
            error(field, "must be less than " + limit.toPlainString() + " in magnitude");
        } else {
            return value.setScale(scale);
        }
        return null;
    }

    /**
     * An array of texts; each is checked like a text field and reported as {@code field[i]}. Texts that differ only
     * in case count once (the first spelling is kept), as the database compares them.
     */
    List<String> texts(String field, int maxItems, int maxLength) {
        JsonNode node = container(field, JsonNodeType.ARRAY, "must be an array of strings", maxItems);
        if (node == null) {
            return List.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String text = nonEmptyText(field + "[" + i + "]", node.get(i), maxLength);
            if (text != null) {
                texts.putIfAbsent(text.toLowerCase(Locale.ROOT), text);
            }
        }
        return new ArrayList<>(texts.values());
    }

    /** An object of names to texts; a value is reported as {@code field.name}. */
    Map<String, String> namedTexts(String field, int maxEntries, int maxNameLength, int maxValueLength) {
        JsonNode node = container(field, JsonNodeType.OBJECT, "must be an object whose values are strings",
                maxEntries);
        if (node == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.forEachEntry((name, value) -> {
            String path = field + "." + name;
            String key = name.strip();
            if (key.isEmpty() || key.codePointCount(0, key.length()) > maxNameLength) {
                error(path, "names must have 1 to " + maxNameLength + " characters");
                return;
            }
            String text = nonEmptyText(path, value, maxValueLength);
            if (text != null) {
                values.put(key, text);
            }
        });
        return values;
    }

    /** The field's array or object, if given; null when it is not, or when it is of the wrong kind or too big. */
    private @Nullable JsonNode container(String field, JsonNodeType kind, String wrongKind, int maxEntries) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.getNodeType() != kind) {
            error(field, wrongKind);
            return null;
        }
        if (node.size() > maxEntries) {
            error(field, "may hold at most " + maxEntries + " entries (it has " + node.size() + ")");
            return null;
        }
        return node;
    }

    private boolean has(String field) {
        JsonNode node = item.get(field);
        return node != null && !isBlank(node);
    }

    private static boolean isBlank(JsonNode node) {
        return node.isNull() || node.isString() && node.stringValue().isBlank();
    }

    /** The text of an array entry or an object value, where an empty one is a mistake, not an omission. */
    private @Nullable String nonEmptyText(String path, JsonNode node, int maxLength) {
        if (isBlank(node)) {
            error(path, "must not be empty");
            return null;
        }
        return text(path, node, maxLength);
    }

    private @Nullable String text(String path, JsonNode node, int maxLength) {
        String text;
        if (node.isString()) {
            text = node.stringValue().strip();
        } else if (node.isIntegralNumber()) {
            text = node.asString();
        } else if (node.isNull()) {
            return null;
        } else {
            error(path, "must be a string");
            return null;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            error(path, "must not contain control characters other than tab and line breaks (such as NUL)");
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            error(path, "must have at most " + maxLength + " characters (it has " + length + ")");
            return null;
        }
        return text.isEmpty() ? null : text;
    }
}
