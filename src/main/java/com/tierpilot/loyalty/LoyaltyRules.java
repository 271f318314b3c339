package com.tierpilot.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The programme's earn rules: {@code pointsPerUnit} points per currency unit spent, times the largest multiplier
 * that matches the order's category or channel; a birthday bonus; and expiry. Only orders on or after
 * {@code earnFrom} earn points, so that switching the programme on does not award the whole history at once.
 */
public record LoyaltyRules(boolean enabled, BigDecimal pointsPerUnit, int birthdayBonus, ExpiryMode expiryMode,
        @Nullable Integer expiryMonths, @Nullable LocalDate earnFrom, List<Multiplier> multipliers, int version) {

    public static final LoyaltyRules OFF = new LoyaltyRules(false, BigDecimal.ONE, 0, ExpiryMode.NONE, null, null,
            List.of(), -1);

    public LoyaltyRules {
        multipliers = List.copyOf(multipliers);
    }

    /** A multiplier for orders of a category or through a channel (matched without regard to case). */
    public record Multiplier(Kind kind, String value, BigDecimal factor) {

        /** What a multiplier matches. */
        public enum Kind {
            CATEGORY, CHANNEL
        }
    }

    /** The points an order of this amount, category and channel earns: rounded down, never negative. */
    public int pointsFor(BigDecimal amount, @Nullable String category, @Nullable String channel) {
        BigDecimal factor = BigDecimal.ONE;
        for (Multiplier m : multipliers) {
            String against = m.kind() == Multiplier.Kind.CATEGORY ? category : channel;
            if (against != null && against.equalsIgnoreCase(m.value()) && m.factor().compareTo(factor) > 0) {
                factor = m.factor();
            }
        }
        BigDecimal points = amount.abs().multiply(pointsPerUnit).multiply(factor).setScale(0, RoundingMode.DOWN);
        return points.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
