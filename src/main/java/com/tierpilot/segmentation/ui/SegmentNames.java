package com.tierpilot.segmentation.ui;

import com.vaadin.flow.component.Component;

/** The translated name of a segment of a scheme, from its stable key. */
final class SegmentNames {

    private SegmentNames() {
    }

    static String of(Component context, String scheme, String segment) {
        return switch (scheme) {
            case "RFM" -> context.getTranslation("segment.rfm." + segment);
            case "ABC" -> context.getTranslation("segment.abc." + segment);
            case "LIFECYCLE" -> context.getTranslation("segment.lifecycle." + segment);
            default -> segment;
        };
    }
}
