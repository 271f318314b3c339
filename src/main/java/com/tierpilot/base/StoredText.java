package com.tierpilot.base;

import org.jspecify.annotations.Nullable;

/** Free text as the database keeps it: notes, error details and exported cells are at most 1,000 characters. */
public final class StoredText {

    /** The length of the {@code varchar(1000)} columns that hold free text. */
    public static final int MAX_LENGTH = 1000;

    private StoredText() {
    }

    /** The text cut to {@link #MAX_LENGTH} characters (null stays null). */
    public static @Nullable String clip(@Nullable String text) {
        return text == null || text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}
