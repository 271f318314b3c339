package com.tierpilot.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer's marketing consent on one channel: given or not, how and when it last changed. A customer with no
 * record has given none ({@code changedAt} null): without consent no marketing message is sent.
 */
public record Consent(ChannelKind channel, boolean granted, @Nullable ConsentSource source, @Nullable String note,
        @Nullable Instant changedAt) {

    public static Consent none(ChannelKind channel) {
        return new Consent(channel, false, null, null, null);
    }
}
