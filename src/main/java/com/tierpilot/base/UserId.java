package com.tierpilot.base;

import java.io.Serializable;

/** Identifies a user account. A user belongs to exactly one tenant. */
public record UserId(long value) implements Serializable {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + value);
        }
    }

    public static UserId of(long value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
