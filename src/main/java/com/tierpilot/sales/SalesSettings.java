package com.tierpilot.sales;

import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesStage;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A company's prospect settings: the grade thresholds and its own wording of the stages and customer types (a
 * stage or type without one shows the default label of the user's language).
 */
public record SalesSettings(GradeThresholds thresholds, Map<SalesStage, String> stageLabels,
        Map<CustomerType, String> typeLabels) {

    public static final int MAX_LABEL_LENGTH = 40;

    public SalesSettings {
        stageLabels = Map.copyOf(stageLabels);
        typeLabels = Map.copyOf(typeLabels);
    }

    public static SalesSettings defaults() {
        return new SalesSettings(GradeThresholds.DEFAULT, new EnumMap<>(SalesStage.class),
                new EnumMap<>(CustomerType.class));
    }

    /** The stage as this company words it, or the default label through {@code translate}. */
    public String label(SalesStage stage, Function<String, String> translate) {
        String own = stageLabels.get(stage);
        return own == null ? translate.apply(stage.messageKey()) : own;
    }

    public String label(CustomerType type, Function<String, String> translate) {
        String own = typeLabels.get(type);
        return own == null ? translate.apply(type.messageKey()) : own;
    }
}
