package com.tierpilot.delivery;

/**
 * A campaign's delivery on one channel, for the results page: messages queued (not yet sent), sent, delivered,
 * failed, held back, clicks on the tracked links and unsubscribes after its messages.
 */
public record ChannelResults(ChannelKind channel, int queued, int sent, int delivered, int failed, int held,
        int clicks, int unsubscribes) {
}
