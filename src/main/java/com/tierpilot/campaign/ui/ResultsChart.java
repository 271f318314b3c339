package com.tierpilot.campaign.ui;

import com.tierpilot.campaign.CampaignResults;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results charts, target against control side by side: the redemption rate and the conversion in per cent, and
 * the revenue per member in money (two charts, as the two scales do not share an axis). Labels are translated.
 */
final class ResultsChart {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResultsChart() {
    }

    /** Redemption rate and conversion, per cent. */
    static ObjectNode rates(CampaignResults r, Function<String, String> labels) {
        ObjectNode option = bars(labels, "%",
                labels.apply("campaigns.results.redemptionRate"), labels.apply("campaigns.results.buyerRate"));
        ArrayNode series = option.putArray("series");
        series.add(series(labels.apply("campaigns.results.target"), r.target().redemptionRate() * 100,
                r.target().buyerRate() * 100));
        series.add(series(labels.apply("campaigns.results.control"), r.control().redemptionRate() * 100,
                r.control().buyerRate() * 100));
        return option;
    }

    /** Revenue per member, in the company's currency. */
    static ObjectNode revenue(CampaignResults r, Function<String, String> labels, String currency) {
        ObjectNode option = bars(labels, currency, labels.apply("campaigns.results.revenuePerMember"));
        ArrayNode series = option.putArray("series");
        series.add(series(labels.apply("campaigns.results.target"), r.target().revenuePerMember()));
        series.add(series(labels.apply("campaigns.results.control"), r.control().revenuePerMember()));
        return option;
    }

    private static ObjectNode bars(Function<String, String> labels, String unit, String... categories) {
        ObjectNode option = JSON.objectNode();
        option.put("animation", false);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 16).put("top", 48)
                .put("bottom", 8);
        option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        option.putObject("legend").put("top", 0).putArray("data").add(labels.apply("campaigns.results.target"))
                .add(labels.apply("campaigns.results.control"));
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        for (String category : categories) {
            names.add(category);
        }
        option.putObject("yAxis").put("type", "value").put("name", unit);
        return option;
    }

    private static ObjectNode series(String name, double... values) {
        ObjectNode bars = JSON.objectNode().put("name", name).put("type", "bar");
        bars.putObject("label").put("show", true).put("position", "top");
        ArrayNode data = bars.putArray("data");
        for (double value : values) {
            data.add(Math.round(value * 100) / 100.0);
        }
        return bars;
    }
}
