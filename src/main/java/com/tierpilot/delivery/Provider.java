package com.tierpilot.delivery;

/** A provider that delivers messages of one channel; each has exactly one {@link Channel} adapter. */
public enum Provider {
    /** Alibaba Cloud SMS (dysmsapi, SendSms 2017-05-25, RPC signature HMAC-SHA1). */
    ALIYUN_SMS(ChannelKind.SMS),
    /** Tencent Cloud SMS (SendSms 2021-01-11, TC3-HMAC-SHA256). */
    TENCENT_SMS(ChannelKind.SMS),
    /** E-mail through the platform's SMTP server ({@code spring.mail.*}), in the company's name. */
    SMTP_EMAIL(ChannelKind.EMAIL);

    private final ChannelKind channel;

    Provider(ChannelKind channel) {
        this.channel = channel;
    }

    public ChannelKind channel() {
        return channel;
    }

    /** The i18n key of the provider's name. */
    public String labelKey() {
        return "delivery.provider." + name();
    }
}
