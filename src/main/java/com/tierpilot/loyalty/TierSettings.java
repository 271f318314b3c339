package com.tierpilot.loyalty;

/**
 * How tiers are decided: on the points earned or the money spent in the last 12 months, and the yearly review day
 * (month, day) on which members below their tier's threshold first get one review of grace, then go down.
 */
public record TierSettings(Basis basis, int reviewMonth, int reviewDay) {

    public static final TierSettings DEFAULT = new TierSettings(Basis.POINTS, 1, 1);

    /** What the thresholds count. */
    public enum Basis {
        POINTS, SPEND;

        public String messageKey() {
            return "loyalty.tiers.basis." + name();
        }
    }
}
