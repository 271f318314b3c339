package com.tierpilot.sales.ui;

import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.StageMove;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ECharts option of the pipeline's conversion chart (issue 20): per month, the customers who moved from
 * potential to negotiating, from negotiating to signed, and to lost, as bars; and the win rate, the share of those
 * who left negotiating that month who signed, as a line on a percent axis.
 */
final class ConversionChart {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConversionChart() {
    }

    /**
     * @param months the months shown, oldest first
     * @param stages the company's word for each stage
     * @param labels translates a message key with its arguments
     */
    static ObjectNode option(List<YearMonth> months, List<StageMove> moves, Function<SalesStage, String> stages,
            BiFunction<String, Object[], String> labels) {
        int n = months.size();
        int[] qualified = new int[n];
        int[] signed = new int[n];
        int[] lost = new int[n];
        int[] leftNegotiating = new int[n];
        for (StageMove m : moves) {
            int i = months.indexOf(m.month());
            if (i < 0 || m.to() == null) {
                continue;
            }
            if (m.from() == SalesStage.POTENTIAL && m.to() == SalesStage.NEGOTIATING) {
                qualified[i] += m.customers();
            }
            if (m.from() == SalesStage.NEGOTIATING && m.to() == SalesStage.SIGNED) {
                signed[i] += m.customers();
            }
            if (m.to() == SalesStage.LOST) {
                lost[i] += m.customers();
            }
            if (m.from() == SalesStage.NEGOTIATING && (m.to() == SalesStage.SIGNED || m.to() == SalesStage.LOST)) {
                leftNegotiating[i] += m.customers();
            }
        }
        ObjectNode option = JSON.objectNode();
        option.put("animation", false);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 24).put("top", 56)
                .put("bottom", 8);
        option.putObject("tooltip").put("trigger", "axis");
        String[] names = {move(labels, stages, SalesStage.POTENTIAL, SalesStage.NEGOTIATING),
            move(labels, stages, SalesStage.NEGOTIATING, SalesStage.SIGNED), stages.apply(SalesStage.LOST),
            label(labels, "pipeline.conversion.winRate")};
        ArrayNode legend = option.putObject("legend").put("top", 0).putArray("data");
        for (String name : names) {
            legend.add(name);
        }
        ArrayNode categories = option.putObject("xAxis").put("type", "category").putArray("data");
        months.forEach(m -> categories.add(m.toString()));
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("minInterval", 1).put("name", label(labels,
                "pipeline.conversion.customers"));
        ObjectNode percent = axes.addObject().put("type", "value").put("min", 0).put("max", 100);
        percent.put("name", label(labels, "pipeline.conversion.percent"));
        percent.putObject("splitLine").put("show", false);
        ArrayNode series = option.putArray("series");
        int[][] bars = {qualified, signed, lost};
        for (int s = 0; s < bars.length; s++) {
            ArrayNode data = series.addObject().put("name", names[s]).put("type", "bar").putArray("data");
            for (int value : bars[s]) {
                data.add(value);
            }
        }
        ObjectNode line = series.addObject().put("name", names[3]).put("type", "line").put("yAxisIndex", 1)
                .put("connectNulls", true);
        ArrayNode rates = line.putArray("data");
        for (int i = 0; i < n; i++) {
            if (leftNegotiating[i] == 0) {
                rates.addNull();
            } else {
                rates.add(Math.round(1000.0 * signed[i] / leftNegotiating[i]) / 10.0);
            }
        }
        return option;
    }

    private static String move(BiFunction<String, Object[], String> labels, Function<SalesStage, String> stages,
            SalesStage from, SalesStage to) {
        return labels.apply("pipeline.conversion.move", new Object[] {stages.apply(from), stages.apply(to)});
    }

    private static String label(BiFunction<String, Object[], String> labels, String key) {
        return labels.apply(key, new Object[0]);
    }
}
