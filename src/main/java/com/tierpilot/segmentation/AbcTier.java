package com.tierpilot.segmentation;

/** Value tiers by share of revenue: A brings most, C least. */
public enum AbcTier {
    A,
    B,
    C;

    public String messageKey() {
        return "segment.abc." + name();
    }
}
