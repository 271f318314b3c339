package com.tierpilot.delivery;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a campaign's launch hands to the outbox for one step on one channel: the template, the merge fields that are
 * the same for every member, and the target members (never the control group) each with their own coupon code.
 *
 * @param couponValueZh the coupon's value as a Chinese customer reads it ("满200减20"), or null
 * @param couponValueEn the same in English ("20 off 200"), or null
 * @param segmentZh the campaign's segments as a Chinese customer reads them; {@code segmentEn} in English
 */
public record CampaignMessages(long campaignId, int step, ChannelKind channel, long templateId,
        @Nullable String couponValueZh, @Nullable String couponValueEn, @Nullable LocalDate couponExpiry,
        @Nullable String segmentZh, @Nullable String segmentEn, @Nullable String link, List<Recipient> recipients) {

    public CampaignMessages {
        recipients = List.copyOf(recipients);
    }

    /** A target member and the coupon code issued to them (null: the campaign has no coupon). */
    public record Recipient(long customerId, @Nullable String couponCode) {
    }
}
