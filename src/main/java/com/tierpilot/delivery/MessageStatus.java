package com.tierpilot.delivery;

/**
 * Where one outbox message stands. {@code PENDING} waits for its time (launch, 09:00 after quiet hours, or a retry);
 * {@code SENDING} is claimed by a node; {@code SENT} was accepted by the provider or the SMTP server; {@code DELIVERED}
 * was reported delivered by the provider; {@code FAILED} failed for good (a permanent error, or the last retry);
 * {@code HELD} is never sent, for its {@link HoldReason}.
 */
public enum MessageStatus {
    PENDING, SENDING, SENT, DELIVERED, FAILED, HELD
}
