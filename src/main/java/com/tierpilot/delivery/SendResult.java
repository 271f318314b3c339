package com.tierpilot.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What a provider answered to one message: accepted with its message id, or failed with the provider's own error
 * code and message, classified as temporary or permanent.
 */
public record SendResult(Outcome outcome, @Nullable String providerMessageId, @Nullable String code,
        @Nullable String detail) {

    public enum Outcome {
        ACCEPTED, TEMPORARY_FAILURE, PERMANENT_FAILURE
    }

    public static SendResult accepted(String providerMessageId) {
        return new SendResult(Outcome.ACCEPTED, providerMessageId, null, null);
    }

    public static SendResult temporary(String code, @Nullable String detail) {
        return new SendResult(Outcome.TEMPORARY_FAILURE, null, code, detail);
    }

    public static SendResult permanent(String code, @Nullable String detail) {
        return new SendResult(Outcome.PERMANENT_FAILURE, null, code, detail);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
