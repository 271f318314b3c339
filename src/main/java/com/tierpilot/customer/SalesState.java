package com.tierpilot.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customer's sales state (issue 20): stage (with the reason when lost), expected close date and deal size, need,
 * customer type and the next follow-up date. Every field may be unknown.
 */
public record SalesState(@Nullable SalesStage stage, @Nullable String lostReason,
        @Nullable LocalDate expectedCloseOn, @Nullable BigDecimal expectedDealSize, @Nullable SalesNeed need,
        @Nullable CustomerType customerType, @Nullable LocalDate nextFollowUpOn) {

    public static final SalesState EMPTY = new SalesState(null, null, null, null, null, null, null);

    /** The fields by their names in the history (and the API), as text; null when unknown. */
    public Map<String, @Nullable String> fields() {
        Map<String, @Nullable String> fields = new LinkedHashMap<>();
        fields.put("stage", stage == null ? null : stage.name());
        fields.put("lostReason", lostReason);
        fields.put("expectedCloseOn", expectedCloseOn == null ? null : expectedCloseOn.toString());
        fields.put("expectedDealSize", expectedDealSize == null ? null : expectedDealSize.toPlainString());
        fields.put("need", need == null ? null : need.name());
        fields.put("customerType", customerType == null ? null : customerType.name());
        fields.put("nextFollowUpOn", nextFollowUpOn == null ? null : nextFollowUpOn.toString());
        return fields;
    }

    public boolean isEmpty() {
        return fields().values().stream().allMatch(v -> v == null);
    }
}
