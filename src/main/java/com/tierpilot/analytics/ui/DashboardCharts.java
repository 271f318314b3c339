package com.tierpilot.analytics.ui;

import com.tierpilot.analytics.DashboardSnapshot;
import com.tierpilot.analytics.DashboardSnapshot.Migration;
import com.tierpilot.analytics.DashboardSnapshot.Segment;
import com.tierpilot.base.ui.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ECharts options of the dashboard's charts, built from a {@link DashboardSnapshot} with every label in the
 * user's language. Each data item that can be clicked carries a {@code key} of the form {@code filter:value}
 * ({@code abc:A}, {@code rfm:champions}, {@code lifecycle:at_risk}): the customer list's URL filter it opens.
 */
public final class DashboardCharts {

    /** Translates a message key with its arguments into the user's language. */
    @FunctionalInterface
    public interface Labels {
        String get(String key, Object... args);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The key prefix of a move between two segments: {@code move:SCHEME:from:to}. */
    static final String MOVE = "move:";
    /** The customer list's URL parameter of each scheme. */
    private static final Map<String, String> FILTERS = Map.of("ABC", "abc", "RFM", "rfm", "LIFECYCLE", "lifecycle");

    private final DashboardSnapshot snapshot;
    private final Labels labels;
    private final Locale locale;
    private final String currency;

    public DashboardCharts(DashboardSnapshot snapshot, Labels labels, Locale locale, String currency) {
        this.snapshot = snapshot;
        this.labels = labels;
        this.locale = locale;
        this.currency = currency;
    }

    /** Customers and revenue per ABC tier. */
    public ObjectNode tiers() {
        return segmentBars("ABC", snapshot.abc(), false);
    }

    /** Customers and revenue per RFM segment. */
    public ObjectNode segments() {
        return segmentBars("RFM", snapshot.rfm(), true);
    }

    private ObjectNode segmentBars(String scheme, List<Segment> segments, boolean horizontal) {
        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        String customers = labels.get("dashboard.series.customers");
        String revenue = labels.get("dashboard.series.revenue", currency);
        option.putObject("legend").put("top", 0).putArray("data").add(customers).add(revenue);
        ArrayNode names = JSON.arrayNode();
        segments.forEach(s -> names.add(segmentName(scheme, s.key())));
        ObjectNode categories = JSON.objectNode().put("type", "category");
        categories.set("data", names);
        if (horizontal) {
            categories.put("inverse", true);
        }
        ArrayNode values = JSON.arrayNode();
        ObjectNode countAxis = values.addObject().put("type", "value");
        ObjectNode moneyAxis = values.addObject().put("type", "value");
        moneyAxis.putObject("splitLine").put("show", false);
        if (!horizontal) {
            // Beside the bars the legend names the axes; above them there is room to name them too.
            countAxis.put("name", customers);
            moneyAxis.put("name", revenue);
            option.withObject("grid").put("top", 64);
        }
        option.set(horizontal ? "yAxis" : "xAxis", categories);
        option.set(horizontal ? "xAxis" : "yAxis", values);
        ArrayNode series = option.putArray("series");
        ObjectNode count = series.addObject().put("name", customers).put("type", "bar");
        ObjectNode money = series.addObject().put("name", revenue).put("type", "bar")
                .put(horizontal ? "xAxisIndex" : "yAxisIndex", 1);
        for (Segment s : segments) {
            String key = key(scheme, s.key());
            count.withArray("data").addObject().put("value", s.customers()).put("key", key);
            money.withArray("data").addObject().put("value", s.revenue()).put("key", key);
        }
        return option;
    }

    /** Cumulative revenue share against customer share, with the 80% line and the top 20% marked. */
    public ObjectNode pareto() {
        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("xAxis").put("type", "value").put("min", 0).put("max", 100)
                .put("name", labels.get("dashboard.pareto.customers")).put("nameLocation", "middle")
                .put("nameGap", 28).putObject("axisLabel").put("formatter", "{value}%");
        option.putObject("yAxis").put("type", "value").put("min", 0).put("max", 100)
                .put("name", labels.get("dashboard.pareto.revenue")).putObject("axisLabel")
                .put("formatter", "{value}%");
        ObjectNode line = option.putArray("series").addObject().put("type", "line")
                .put("name", labels.get("dashboard.pareto.series")).put("symbolSize", 5).put("smooth", true);
        double aShare = share(tierCustomers("A"));
        double bShare = aShare + share(tierCustomers("B"));
        for (DashboardSnapshot.ParetoPoint point : snapshot.pareto()) {
            double x = point.customerShare();
            String tier = x <= aShare ? "A" : x <= bShare ? "B" : "C";
            line.withArray("data").addObject().put("key", key("ABC", tier)).putArray("value")
                    .add(percent(x)).add(percent(point.revenueShare()));
        }
        ObjectNode markLine = line.putObject("markLine").put("symbol", "none");
        markLine.putObject("lineStyle").put("type", "dashed");
        markLine.putArray("data").addObject().put("yAxis", 80).putObject("label")
                .put("formatter", labels.get("dashboard.pareto.line80")).put("position", "insideEndTop");
        ObjectNode top = line.putObject("markPoint").putArray("data").addObject()
                .put("name", "top20").put("symbol", "pin").put("symbolSize", 44);
        top.putArray("coord").add(20).add(percent(snapshot.top20Share()));
        top.putObject("label").put("formatter", Math.round(snapshot.top20Share() * 100) + "%");
        ObjectNode title = option.putObject("title").put("left", "center").put("bottom", 0)
                .put("text", labels.get("dashboard.pareto.top20", Math.round(snapshot.top20Share() * 100)));
        title.putObject("textStyle").put("fontSize", 12).put("fontWeight", "normal");
        option.withObject("grid").put("bottom", 40);
        return option;
    }

    /** Scored customers per R x F cell, with their average monetary value. */
    public ObjectNode heatmap() {
        ObjectNode option = base();
        option.putObject("tooltip").put("formatter", "{b}");
        ArrayNode f = option.putObject("xAxis").put("type", "category")
                .put("name", labels.get("dashboard.heatmap.frequency")).put("nameLocation", "middle")
                .put("nameGap", 28).putArray("data");
        ObjectNode yAxis = option.putObject("yAxis").put("type", "category")
                .put("name", labels.get("dashboard.heatmap.recency"));
        yAxis.putObject("nameTextStyle").put("align", "left");
        ArrayNode r = yAxis.putArray("data");
        for (int score = 1; score <= 5; score++) {
            f.add("F" + score);
            r.add("R" + score);
        }
        int max = snapshot.heatmap().stream().mapToInt(DashboardSnapshot.RfCell::customers).max().orElse(1);
        visualMap(option, max);
        ObjectNode series = option.putArray("series").addObject().put("type", "heatmap")
                .put("name", labels.get("dashboard.series.customers"));
        series.putObject("label").put("show", true);
        for (DashboardSnapshot.RfCell cell : snapshot.heatmap()) {
            String name = labels.get("dashboard.heatmap.cell", cell.recencyScore(), cell.frequencyScore(),
                    segmentName("RFM", cell.rfmSegment()), Formats.count(cell.customers(), locale),
                    Formats.money(cell.averageMonetary(), currency, locale));
            series.withArray("data").addObject().put("name", name).put("key", key("RFM", cell.rfmSegment()))
                    .putArray("value").add(cell.frequencyScore() - 1).add(cell.recencyScore() - 1)
                    .add(cell.customers());
        }
        option.withObject("grid").put("bottom", 36);
        return option;
    }

    /** Whether the run has a previous run to compare with. */
    public boolean hasMigrations() {
        return !snapshot.migrations().isEmpty();
    }

    /** Customers from each segment of the previous run (rows) to each segment of this run (columns). */
    public ObjectNode migration(String scheme) {
        ObjectNode option = base();
        option.putObject("tooltip").put("formatter", "{b}");
        List<Migration> cells = snapshot.migrations().stream().filter(m -> m.scheme().equals(scheme)).toList();
        List<String> order = order(scheme);
        Set<String> keys = new LinkedHashSet<>(order);
        cells.forEach(m -> {
            keys.add(m.from());
            keys.add(m.to());
        });
        List<String> axis = new ArrayList<>(keys.stream().filter(k -> cells.stream()
                .anyMatch(m -> m.from().equals(k) || m.to().equals(k))).toList());
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category")
                .put("name", labels.get("dashboard.migration.to")).put("nameLocation", "middle").put("nameGap", 56);
        xAxis.putObject("axisLabel").put("interval", 0).put("rotate", 30);
        ArrayNode to = xAxis.putArray("data");
        ObjectNode yAxis = option.putObject("yAxis").put("type", "category").put("inverse", true)
                .put("nameLocation", "start").put("name", labels.get("dashboard.migration.from"));
        yAxis.putObject("nameTextStyle").put("align", "left");
        ArrayNode from = yAxis.putArray("data");
        axis.forEach(k -> {
            to.add(segmentName(scheme, k));
            from.add(segmentName(scheme, k));
        });
        int max = cells.stream().mapToInt(Migration::customers).max().orElse(1);
        visualMap(option, max);
        ObjectNode series = option.putArray("series").addObject().put("type", "heatmap")
                .put("name", labels.get("dashboard.series.customers"));
        series.putObject("label").put("show", true);
        for (Migration m : cells) {
            String name = labels.get("dashboard.migration.cell", segmentName(scheme, m.from()),
                    segmentName(scheme, m.to()), Formats.count(m.customers(), locale));
            ObjectNode item = series.withArray("data").addObject().put("name", name);
            if (!m.from().equals(m.to())) {
                // A move opens the customers who made it (issue 17, item 8); a cell of the diagonal, the segment.
                item.put("key", MOVE + scheme + ":" + m.from() + ":" + m.to());
            } else if (!m.to().equals(DashboardSnapshot.NONE)) {
                item.put("key", key(scheme, m.to()));
            }
            item.putArray("value").add(axis.indexOf(m.to())).add(axis.indexOf(m.from())).add(m.customers());
        }
        yAxis.putObject("axisLabel").put("interval", 0);
        option.withObject("grid").put("bottom", 64).put("left", 8);
        return option;
    }

    /** Customers per segment of the scheme over the last runs. */
    public ObjectNode trend(String scheme) {
        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "axis");
        Map<Long, LocalDate> runs = new LinkedHashMap<>();
        snapshot.trend().forEach(p -> runs.put(p.runId(), p.asOf()));
        List<Long> runIds = new ArrayList<>(runs.keySet());
        ArrayNode dates = option.putObject("xAxis").put("type", "category").put("boundaryGap", false)
                .putArray("data");
        runs.values().forEach(d -> dates.add(d.toString()));
        option.putObject("yAxis").put("type", "value").put("name", labels.get("dashboard.series.customers"));
        ArrayNode legend = option.putObject("legend").put("type", "scroll").put("top", 0).put("right", 40)
                .putArray("data");
        ArrayNode series = option.putArray("series");
        for (String segment : order(scheme)) {
            List<DashboardSnapshot.TrendPoint> points = snapshot.trend().stream()
                    .filter(p -> p.scheme().equals(scheme) && p.key().equals(segment)).toList();
            if (points.isEmpty()) {
                continue;
            }
            String name = segmentName(scheme, segment);
            legend.add(name);
            ObjectNode line = series.addObject().put("type", "line").put("name", name).put("symbolSize", 6);
            ArrayNode data = line.putArray("data");
            for (Long run : runIds) {
                int customers = points.stream().filter(p -> p.runId() == run).mapToInt(
                        DashboardSnapshot.TrendPoint::customers).sum();
                data.addObject().put("value", customers).put("key", key(scheme, segment));
            }
        }
        option.withObject("grid").put("top", 48);
        return option;
    }

    /**
     * Customers per lifecycle stage, as bars in the stages' order (potential to churned). Not a funnel: a stage is
     * not a subset of the one before it (loyal customers outnumber active ones), issue 17 item 8.
     */
    public ObjectNode lifecycle() {
        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        option.withObject("xAxis").putObject("axisLabel").put("interval", 0);
        option.putObject("yAxis").put("type", "value").put("name", labels.get("dashboard.series.customers"));
        ObjectNode bars = option.putArray("series").addObject().put("type", "bar")
                .put("name", labels.get("dashboard.series.customers"));
        bars.putObject("label").put("show", true).put("position", "top");
        for (Segment s : snapshot.lifecycle()) {
            names.add(segmentName("LIFECYCLE", s.key()));
            bars.withArray("data").addObject().put("value", s.customers()).put("key", key("LIFECYCLE", s.key()));
        }
        return option;
    }

    /**
     * The prospects by A-E grade (issue 20), with the expected deals of each grade; a click opens the pipeline.
     *
     * @param grades per grade A to E, its customers and the sum of their expected deals
     */
    public ObjectNode grades(Map<String, Object[]> grades) {
        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        String customers = labels.get("dashboard.series.customers");
        String deals = labels.get("dashboard.series.deals", currency);
        option.putObject("legend").put("top", 0).putArray("data").add(customers).add(deals);
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("minInterval", 1);
        axes.addObject().put("type", "value").putObject("splitLine").put("show", false);
        ObjectNode bars = option.putArray("series").addObject().put("type", "bar").put("name", customers);
        bars.putObject("label").put("show", true).put("position", "top");
        ObjectNode money = option.withArray("series").addObject().put("type", "bar").put("name", deals)
                .put("yAxisIndex", 1);
        grades.forEach((grade, figures) -> {
            names.add(labels.get("dashboard.grade", grade));
            bars.withArray("data").addObject().put("value", (Integer) figures[0]).put("key", "pipeline:" + grade);
            money.withArray("data").addObject().put("value", ((BigDecimal) figures[1]).doubleValue())
                    .put("key", "pipeline:" + grade);
        });
        return option;
    }

    private ObjectNode base() {
        ObjectNode option = JSON.objectNode();
        option.put("animation", false);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 24).put("top", 48)
                .put("bottom", 8);
        return option;
    }

    private void visualMap(ObjectNode option, int max) {
        option.putObject("visualMap").put("min", 0).put("max", Math.max(max, 1)).put("calculable", true)
                .put("orient", "vertical").put("right", 0).put("top", "middle").put("itemHeight", 120);
        option.withObject("grid").put("right", 72);
    }

    /** The segments of a scheme in display order. */
    private List<String> order(String scheme) {
        List<Segment> sizes = switch (scheme) {
            case "ABC" -> snapshot.abc();
            case "RFM" -> snapshot.rfm();
            default -> snapshot.lifecycle();
        };
        List<String> keys = new ArrayList<>(sizes.stream().map(Segment::key).toList());
        snapshot.trend().stream().filter(p -> p.scheme().equals(scheme) && !keys.contains(p.key()))
                .map(DashboardSnapshot.TrendPoint::key).distinct().forEach(keys::add);
        return keys;
    }

    private int tierCustomers(String tier) {
        return snapshot.abc().stream().filter(s -> s.key().equals(tier)).mapToInt(Segment::customers).sum();
    }

    private double share(int customers) {
        return snapshot.activeCustomers() == 0 ? 0 : (double) customers / snapshot.activeCustomers();
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }

    String segmentName(String scheme, String key) {
        if (key.equals(DashboardSnapshot.NONE)) {
            return labels.get("dashboard.segment.none");
        }
        return labels.get("segment." + scheme.toLowerCase(Locale.ROOT) + "." + key);
    }

    private static String key(String scheme, String segment) {
        return FILTERS.get(scheme) + ":" + segment;
    }
}
