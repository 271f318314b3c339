package com.tierpilot.loyalty;

import java.time.LocalDate;

/** A customer's tier: since when, and whether the customer is in the one review of grace before going down. */
public record MemberTier(LoyaltyTier tier, LocalDate since, boolean inGrace) {
}
