package com.tierpilot.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a message template may use: {@code {{name}}}, {@code {{couponCode}}}, {@code {{couponValue}}},
 * {@code {{couponExpiry}}}, {@code {{segment}}} and {@code {{link}}} (the tracked link). Values are already formatted
 * for the customer's language; a missing one renders empty.
 */
public record MergeFields(String name, String couponCode, String couponValue, String couponExpiry, String segment,
        String link) {

    public static final Set<String> NAMES = Set.of("name", "couponCode", "couponValue", "couponExpiry", "segment",
            "link");

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("couponCode", couponCode);
        map.put("couponValue", couponValue);
        map.put("couponExpiry", couponExpiry);
        map.put("segment", segment);
        map.put("link", link);
        return map;
    }
}
