package com.tierpilot.prediction.ui;

import com.tierpilot.prediction.PredictionOutlook;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chart options of the prediction screen (issue 17, item 8): how many customers fall in each tenth of P(alive),
 * and how many expect 0 to 5+ purchases in the next 90 days. Bars, labelled with their counts.
 */
final class OutlookCharts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OutlookCharts() {
    }

    static ObjectNode pAlive(PredictionOutlook outlook, String customers) {
        List<String> tenths = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenths.add(String.format(java.util.Locale.ROOT, "%.1f–%.1f", i / 10.0, (i + 1) / 10.0));
        }
        return bars(tenths, outlook.pAliveTenths(), customers, "P(alive)");
    }

    static ObjectNode purchases(PredictionOutlook outlook, String customers, String axis) {
        return bars(List.of("0", "1", "2", "3", "4", "5+"), outlook.expectedPurchases(), customers, axis);
    }

    private static ObjectNode bars(List<String> categories, int[] counts, String customers, String axis) {
        ObjectNode option = JSON.objectNode();
        option.put("animation", false);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 16).put("top", 40)
                .put("bottom", 28);
        option.putObject("tooltip").put("trigger", "axis");
        ObjectNode x = option.putObject("xAxis").put("type", "category").put("name", axis)
                .put("nameLocation", "middle").put("nameGap", 28);
        ArrayNode names = x.putArray("data");
        categories.forEach(names::add);
        option.putObject("yAxis").put("type", "value").put("name", customers);
        ObjectNode series = option.putArray("series").addObject().put("type", "bar").put("name", customers);
        series.putObject("label").put("show", true).put("position", "top");
        ArrayNode data = series.putArray("data");
        for (int count : counts) {
            data.add(count);
        }
        return option;
    }
}
