package com.tierpilot.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic holdout: a customer is in a campaign's control group when the SHA-256 of
 * {@code "campaignId:customerId"}, read as an unsigned number, modulo 10,000 is below {@code percent × 100}. The same
 * campaign and customer always land in the same group, whoever launches and on whichever node; the share of the
 * control group is the holdout percentage up to sampling noise.
 */
public final class Holdout {

    private Holdout() {
    }

    public static boolean isControl(long campaignId, long customerId, int percent) {
        if (percent <= 0) {
            return false;
        }
        byte[] hash = sha256(campaignId + ":" + customerId);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (hash[i] & 0xff);
        }
        return Long.remainderUnsigned(value, 10_000) < percent * 100L;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
