package com.tierpilot.campaign;

import com.tierpilot.delivery.ChannelKind;
import org.jspecify.annotations.Nullable;

/**
 * A channel a campaign reaches its target members on, with the company's template for it and the link the
 * template's {@code {{link}}} field leads to (through a tracked short link), if any.
 */
public record CampaignChannel(ChannelKind channel, long templateId, @Nullable String link) {
}
