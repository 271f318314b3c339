package com.tierpilot.segmentation;

/** The named RFM segments. The key is stable (API, rules, URLs); the UI shows the translation. */
public enum RfmSegment {
    CHAMPIONS("champions"),
    LOYAL("loyal"),
    POTENTIAL_LOYALIST("potential_loyalist"),
    NEW("new"),
    PROMISING("promising"),
    NEED_ATTENTION("need_attention"),
    ABOUT_TO_SLEEP("about_to_sleep"),
    AT_RISK("at_risk"),
    CANT_LOSE("cant_lose"),
    HIBERNATING("hibernating");

    private final String key;

    RfmSegment(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String messageKey() {
        return "segment.rfm." + key;
    }

    public static RfmSegment ofKey(String key) {
        for (RfmSegment s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown RFM segment " + key);
    }
}
