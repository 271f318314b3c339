package com.tierpilot.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an SMS provider reported about one message after it accepted it: delivered to the handset, or not. The
 * message is the one the provider's answer named at send time ({@code providerMessageId}: Alibaba Cloud's
 * {@code BizId}, Tencent Cloud's {@code SerialNo}).
 *
 * @param code the provider's status code (Alibaba Cloud's {@code err_code}, e.g. DELIVERED or MOBILE_NOT_ON_SERVICE;
 *             Tencent Cloud's {@code errmsg}, e.g. DELIVRD)
 * @param reportedAt when the handset received it or the carrier gave up; null when the report has no readable time
 */
public record StatusReport(Provider provider, String providerMessageId, boolean delivered, @Nullable String code,
        @Nullable String detail, @Nullable Instant reportedAt) {
}
