package com.tierpilot.analytics.ui;

import com.tierpilot.analytics.DashboardService;
import com.tierpilot.analytics.DashboardSnapshot;
import com.tierpilot.analytics.GettingStartedService;
import com.tierpilot.base.Role;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.chart.EChart;
import com.tierpilot.demo.SampleDataService;
import com.tierpilot.segmentation.SegmentationService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The landing page after login: the customer base as of the current segmentation run, in KPI cards and charts (tiers,
 * RFM segments, Pareto curve, R x F heatmap, migration since the previous run, segment-size trend, customers per
 * lifecycle stage). Everything comes from the read models stored at the end of the run ({@link DashboardService}); clicking a
 * bar, cell, point or slice opens the customer list filtered to that group.
 */
@Route("")
@PageTitle("nav.dashboard")
@Menu(order = 0, icon = "vaadin:dashboard", title = "nav.dashboard")
@PermitAll
public class DashboardView extends VerticalLayout {

    private static final List<String> SCHEMES = List.of("RFM", "ABC", "LIFECYCLE");

    private final DashboardService dashboards;
    private final TierPilotUser user;
    private final DataScope scope;
    private @Nullable DashboardSnapshot snapshot;
    private @Nullable DashboardCharts charts;

    DashboardView(DashboardService dashboards, GettingStartedService guide, SampleDataService sample,
            SegmentationService segmentation, CurrentUser currentUser) {
        this.dashboards = dashboards;
        this.user = currentUser.require();
        addClassName("dashboard");
        add(new H2(getTranslation("dashboard.welcome", user.displayName())));
        boolean staff = user.role() == Role.OWNER || user.role() == Role.MARKETER;
        // An account manager's figures are of their own customers and the pool's (issue 20, data scope).
        this.scope = currentUser.scope();
        // Read once per render, for the guide and the charts (issue 17, item 9).
        Optional<DashboardSnapshot> current = dashboards.current(user.tenantId(), scope);
        if (staff) {
            sample.loaded(user.tenantId()).ifPresent(loaded -> add(new SampleDataBanner(sample, user, loaded)));
            guide.openProgress(user.tenantId(), current).ifPresent(progress ->
                    add(new GettingStartedPanel(guide, sample, segmentation, user, progress)));
        }
        if (current.isEmpty()) {
            var empty = new Paragraph(getTranslation(staff ? "dashboard.noRun" : "dashboard.noRun.manager"));
            empty.setId("dashboard-empty");
            add(empty);
            if (staff) {
                var segments = new Button(getTranslation("dashboard.noRun.button"),
                        click -> getUI().ifPresent(ui -> ui.navigate("segments")));
                segments.setId("dashboard-empty-segments");
                add(segments);
            }
            return;
        }
        DashboardSnapshot snapshot = current.get();
        var charts = new DashboardCharts(snapshot, this::getTranslation, getLocale(), user.currency());
        this.snapshot = snapshot;
        this.charts = charts;
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        var kpis = new Div(
                kpi("kpi-customers", "dashboard.kpi.customers", Formats.count(snapshot.customers(), getLocale())),
                kpi("kpi-active", "dashboard.kpi.active", Formats.count(snapshot.activeCustomers(), getLocale())),
                kpi("kpi-revenue", "dashboard.kpi.revenue",
                        Formats.money(snapshot.revenue(), user.currency(), getLocale())),
                kpi("kpi-tier-a", "dashboard.kpi.tierA", percent.format(snapshot.tierARevenueShare())));
        kpis.addClassName("kpi-row");
        var asOf = new Paragraph(getTranslation("dashboard.asOf",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).format(snapshot.asOf())));
        asOf.setId("dashboard-as-of");
        asOf.addClassName("dashboard-as-of");
        add(kpis, asOf);
        if (!scope.all()) {
            var own = new Paragraph(getTranslation("dashboard.scope.manager"));
            own.setId("dashboard-scope");
            own.addClassName("dashboard-as-of");
            add(own);
        }

        var grid = new Div();
        grid.addClassName("dashboard-charts");
        grid.add(chartCard("tiers", charts.tiers(), null));
        grid.add(chartCard("segments", charts.segments(), null));
        grid.add(chartCard("pareto", charts.pareto(), null));
        grid.add(chartCard("heatmap", charts.heatmap(), null));
        if (charts.hasMigrations()) {
            grid.add(chartCard("migration", null, charts::migration));
        } else {
            var none = new Paragraph(getTranslation("dashboard.migration.none"));
            none.setId("migration-none");
            grid.add(card("migration", none));
        }
        grid.add(chartCard("trend", null, charts::trend));
        grid.add(chartCard("lifecycle", charts.lifecycle(), null));
        // The prospects' A-E grades (issue 20), once any customer is graded.
        Map<String, Object[]> grades = dashboards.grades(user.tenantId(), scope);
        if (!grades.isEmpty()) {
            grid.add(chartCard("grades", charts.grades(grades), null));
        }
        add(grid);
        setWidthFull();
    }

    /** A chart card; {@code perScheme} charts get a scheme selector and start on RFM. */
    private Component chartCard(String name, @Nullable ObjectNode option,
            @Nullable Function<String, ObjectNode> perScheme) {
        var chart = new EChart(name);
        chart.setId("chart-" + name);
        if (name.equals("migration")) {
            chart.setHeight("28rem");
        }
        chart.addChartClickListener(event -> openCustomers(event.getKey()));
        if (perScheme == null) {
            chart.setOption(Objects.requireNonNull(option));
            return card(name, chart);
        }
        var scheme = new Select<String>();
        scheme.setId("scheme-" + name);
        scheme.setItems(SCHEMES);
        scheme.setItemLabelGenerator(s -> getTranslation("dashboard.scheme." + s));
        scheme.addValueChangeListener(event -> chart.setOption(perScheme.apply(event.getValue())));
        scheme.setValue("RFM");
        return card(name, scheme, chart);
    }

    private Component card(String name, Component... content) {
        var title = new H3(getTranslation("dashboard.chart." + name));
        var card = new Div(title);
        card.add(content);
        card.addClassName("chart-card");
        card.setId("card-" + name);
        return card;
    }

    /** Opens the customer list filtered by a chart key such as {@code rfm:champions}. */
    private void openCustomers(String key) {
        if (key.startsWith("pipeline:")) {
            getUI().ifPresent(ui -> ui.navigate("pipeline"));
            return;
        }
        if (key.startsWith(DashboardCharts.MOVE)) {
            openMovers(key.substring(DashboardCharts.MOVE.length()).split(":", 3));
            return;
        }
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return;
        }
        getUI().ifPresent(ui -> ui.navigate("customers",
                QueryParameters.of(key.substring(0, colon), key.substring(colon + 1))));
    }

    /** Lists the customers behind a move of the moves chart: {@code [scheme, from, to]}. */
    private void openMovers(String[] move) {
        if (move.length != 3 || snapshot == null || charts == null) {
            return;
        }
        new MoversDialog(charts.segmentName(move[0], move[1]), charts.segmentName(move[0], move[2]),
                dashboards.movers(user.tenantId(), scope, snapshot.runId(), move[0], move[1], move[2], MoversDialog.LIMIT))
                .open();
    }

    private Component kpi(String id, String labelKey, String value) {
        var label = new Span(getTranslation(labelKey));
        label.addClassName("kpi-label");
        var figure = new Span(value);
        figure.addClassName("kpi-value");
        var card = new Div(label, figure);
        card.addClassName("kpi-card");
        card.setId(id);
        return card;
    }
}
