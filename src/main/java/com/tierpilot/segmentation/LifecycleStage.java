package com.tierpilot.segmentation;

/** Where a customer stands in its relationship with the shop. */
public enum LifecycleStage {
    POTENTIAL("potential"),
    NEW("new"),
    ACTIVE("active"),
    LOYAL("loyal"),
    AT_RISK("at_risk"),
    CHURNED("churned");

    private final String key;

    LifecycleStage(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String messageKey() {
        return "segment.lifecycle." + key;
    }

    public static LifecycleStage ofKey(String key) {
        for (LifecycleStage s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown lifecycle stage " + key);
    }
}
