package com.tierpilot.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One campaign message of a customer, for the customer page. */
public record SentMessage(long id, long campaignId, int step, ChannelKind channel, MessageStatus status,
        @Nullable HoldReason holdReason, @Nullable String couponCode, Instant createdAt, @Nullable Instant sentAt,
        @Nullable String errorCode) {
}
