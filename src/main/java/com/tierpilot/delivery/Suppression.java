package com.tierpilot.delivery;

import java.time.Instant;

/** An address that no campaign of the company may reach on that channel, and why. */
public record Suppression(ChannelKind channel, String address, SuppressionReason reason, ConsentSource source,
        Instant createdAt) {

    /**
     * The form an address is compared in: e-mail addresses in lower case, mainland mobile numbers as their 11 digits
     * (without +86, spaces or dashes).
     */
    public static String normalize(ChannelKind channel, String address) {
        String a = address.strip();
        if (channel == ChannelKind.EMAIL) {
            return a.toLowerCase(java.util.Locale.ROOT);
        }
        String digits = a.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            return digits.substring(3);
        }
        if (digits.startsWith("86") && digits.length() == 13) {
            return digits.substring(2);
        }
        return digits;
    }
}
