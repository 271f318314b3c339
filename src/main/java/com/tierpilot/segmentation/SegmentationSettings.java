package com.tierpilot.segmentation;

/** A tenant's settings of the three built-in schemes, at a version. */
public record SegmentationSettings(RfmSettings rfm, AbcSettings abc, LifecycleSettings lifecycle, int version) {

    public static SegmentationSettings defaults() {
        return new SegmentationSettings(RfmSettings.defaults(), AbcSettings.pareto(), LifecycleSettings.defaults(), 0);
    }

    public void validate() {
        rfm.validate();
        abc.validate();
        lifecycle.validate();
    }
}
