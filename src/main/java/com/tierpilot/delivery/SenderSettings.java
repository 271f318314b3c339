package com.tierpilot.delivery;

import java.time.Duration;
import java.util.Map;

/**
 * How the clustered sender works: messages claimed per round, how long a claim holds before another node may take
 * the message over (a node killed mid-send), the rates per company and per provider (messages per second, shared by
 * all nodes), and the retries of temporary failures (after {@code firstRetry}, then four times longer each time, at
 * most {@code maxAttempts} tries in all).
 */
public record SenderSettings(int batchSize, Duration lease, int perCompanyRate, Map<Provider, Integer> providerRates,
        int maxAttempts, Duration firstRetry, String nodeId) {

    public SenderSettings {
        providerRates = Map.copyOf(providerRates);
    }

    int providerRate(Provider provider) {
        return providerRates.getOrDefault(provider, 100);
    }

    /** The wait before try number {@code attempt + 1}, after {@code attempt} tries failed for now. */
    Duration backoff(int attempt) {
        return firstRetry.multipliedBy((long) Math.pow(4, Math.max(0, attempt - 1)));
    }
}
