package com.tierpilot.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * One SMS as the Chinese providers take it: a template approved in the provider's console, identified by its code
 * (Alibaba Cloud {@code SMS_123456789}, Tencent Cloud a numeric template id), with its parameters in the template's
 * order. Alibaba Cloud fills them by name, Tencent Cloud by position; the sign name comes from the company's provider
 * settings.
 *
 * @param phone a mainland mobile number ({@code 13800138000}) or an E.164 number ({@code +8613800138000})
 * @param outId the caller's reference, echoed in status reports (at most 64 characters), or empty
 */
public record SmsMessage(String phone, String templateCode, SequencedMap<String, String> params, String outId) {

    public SmsMessage {
        if (phone.isBlank() || templateCode.isBlank()) {
            throw new IllegalArgumentException("an SMS needs a phone number and a template code");
        }
        params = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(params));
    }

    public static SmsMessage of(String phone, String templateCode, Map<String, String> params) {
        return new SmsMessage(phone, templateCode, new LinkedHashMap<>(params), "");
    }
}
