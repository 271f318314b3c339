package com.tierpilot.segmentation.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.base.ui.ProgressPanel;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentResultService;
import com.tierpilot.segmentation.SegmentSize;
import com.tierpilot.segmentation.IntradayService;
import com.tierpilot.segmentation.SegmentationService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The segment browser: every segment of every scheme in the current run, with its size, revenue share and change
 * since the run before; a click opens the customer list filtered to it. Owners and marketers start a recompute here
 * and watch its progress.
 */
@Route("segments")
@PageTitle("nav.segments")
@Menu(order = 30, icon = "vaadin:pie-chart", title = "nav.segments")
@PermitAll
public class SegmentsView extends VerticalLayout {

    /** The customer list's query parameter for each scheme. */
    static final Map<String, String> FILTER = Map.of("RFM", "rfm", "ABC", "abc", "LIFECYCLE", "lifecycle",
            "RULE", "rule");

    private final SegmentationService segmentation;
    private final SegmentResultService queries;
    private final TierPilotUser me;
    private final DataScope scope;
    private final Paragraph current = new Paragraph();
    private final Paragraph cutPoints = new Paragraph();
    private final IntradayService intraday;
    private final ProgressPanel<RunStatus> progress = new ProgressPanel<>(RunStatus::progressPermille,
            status -> getTranslation("segments.phase." + status.phase().name(), status.asOf().toString()),
            RunStatus::finished, this::finished);
    private final Div segments = new Div();

    SegmentsView(SegmentationService segmentation, SegmentResultService queries, IntradayService intraday,
            CurrentUser currentUser) {
        this.segmentation = segmentation;
        this.intraday = intraday;
        this.queries = queries;
        this.me = currentUser.require();
        this.scope = currentUser.scope();
        current.setId("segments-current-run");
        cutPoints.setId("segments-cut-points");
        progress.setId("segments-progress");
        segments.setWidthFull();
        add(current, cutPoints);
        if (me.role() != Role.ACCOUNT_MANAGER) {
            add(recomputeControls(), progress);
        }
        add(segments);
        refresh();
        segmentation.runs(me.tenantId(), 0, 1).stream().filter(r -> !r.finished()).findFirst()
                .ifPresent(r -> watch(r.id()));
    }

    private Component recomputeControls() {
        var now = new Button(getTranslation("segments.recomputeNow"), VaadinIcon.REFRESH.create(),
                click -> start(null));
        now.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        now.setId("segments-recompute");
        var settings = new Button(getTranslation("nav.segmentationSettings"), VaadinIcon.SLIDERS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(SegmentationSettingsView.class)));
        var bar = new HorizontalLayout(now, settings);
        if (me.role() == Role.OWNER) {
            var asOf = new DatePicker(getTranslation("segments.asOf"));
            var range = segmentation.asOfRange(me.tenantId());
            asOf.setMin(range.from());
            asOf.setMax(range.to());
            asOf.setHelperText(getTranslation("segments.asOfHelp"));
            asOf.setId("segments-as-of");
            var historical = new Button(getTranslation("segments.recomputeAsOf"), click -> {
                if (asOf.getValue() != null) {
                    start(asOf.getValue());
                }
            });
            historical.setId("segments-recompute-as-of");
            var row = new HorizontalLayout(asOf, historical);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            var details = new Details(getTranslation("segments.historical"), row);
            return new VerticalLayout(bar, details);
        }
        return bar;
    }

    private void start(@Nullable LocalDate asOf) {
        try {
            watch(segmentation.startRun(me.tenantId(), asOf, RunTrigger.MANUAL));
        } catch (UserFacingException e) {
            Notifications.error(this, e);
        }
    }

    private void watch(long runId) {
        progress.watch(() -> segmentation.run(me.tenantId(), runId),
                listener -> segmentation.onProgress(me.tenantId(), runId, listener));
    }

    private void finished(RunStatus status) {
        if (status.state() == RunStatus.State.FAILED) {
            Notifications.error(getTranslation("segments.runFailed", status.error() == null ? "" : status.error()));
        } else {
            Notifications.success(getTranslation("segments.runDone", Formats.count(status.customers(), getLocale()),
                    Formats.count(status.changes(), getLocale())));
        }
        refresh();
    }

    /** Which cut points are in force, when the company keeps its segments fresh within a minute (issue 21). */
    private void showCutPoints() {
        var inForce = intraday.cutPointsInForce(me.tenantId())
                .filter(c -> c.enabled() || c.customersUpdated() > 0);
        cutPoints.setVisible(inForce.isPresent());
        inForce.ifPresent(c -> cutPoints.setText(c.lastUpdate() == null
                ? getTranslation("segments.cutPoints.none", Formats.date(c.baseAsOf(), getLocale()))
                : getTranslation("segments.cutPoints", Formats.date(c.baseAsOf(), getLocale()),
                        Formats.count(c.customersUpdated(), getLocale()),
                        Formats.dateTime(c.lastUpdate(), me.timeZone(), getLocale()))));
    }

    private void refresh() {
        Optional<RunStatus> run = segmentation.currentRun(me.tenantId());
        segments.removeAll();
        if (run.isEmpty()) {
            current.setText(getTranslation("segments.noRun"));
            segments.add(me.role() == Role.ACCOUNT_MANAGER
                    ? new EmptyState(this, "segments-empty", "empty.segments.manager", "empty.segments.manager.action",
                            "tasks")
                    : new EmptyState(this, "segments-empty", "empty.segments", "empty.customers.action", "import"));
            return;
        }
        RunStatus r = run.get();
        // An account manager counts their own customers and the pool's (issue 20, data scope).
        List<SegmentSize> sizes = queries.sizes(me.tenantId(), scope);
        int customers = scope.all() ? r.customers() : total(sizes, "LIFECYCLE");
        int scored = scope.all() ? r.customersScored() : total(sizes, "RFM");
        current.setText(getTranslation(scope.all() ? "segments.currentRun" : "segments.currentRun.manager",
                r.asOf().toString(), Formats.count(customers, getLocale()), Formats.count(scored, getLocale()),
                r.finishedAt() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                        FormatStyle.SHORT).withLocale(getLocale()).format(r.finishedAt().atZone(me.timeZone()))));
        showCutPoints();
        for (String scheme : List.of("RFM", "ABC", "LIFECYCLE", "RULE", "GRADE")) {
            List<SegmentSize> rows = sizes.stream().filter(s -> s.scheme().equals(scheme)).toList();
            if (!rows.isEmpty() || !scheme.equals("RULE") && !scheme.equals("GRADE")) {
                segments.add(new H3(getTranslation("segmentation.tab." + scheme.toLowerCase())), grid(scheme, rows,
                        scheme.equals("LIFECYCLE") || scheme.equals("GRADE") ? customers : scored));
            }
        }
    }

    private static int total(List<SegmentSize> sizes, String scheme) {
        return sizes.stream().filter(s -> s.scheme().equals(scheme)).mapToInt(SegmentSize::customers).sum();
    }

    private Component grid(String scheme, List<SegmentSize> rows, int base) {
        var grid = new Grid<SegmentSize>();
        grid.setId("segments-" + scheme.toLowerCase());
        grid.addColumn(s -> scheme.equals("RULE") ? s.name() : scheme.equals("GRADE") ? getTranslation("rule.grade",
                s.segment(), getTranslation("sales.grade." + s.segment())) : SegmentNames.of(this, scheme, s.segment()))
                .setHeader(getTranslation("segments.segment")).setAutoWidth(true);
        grid.addColumn(s -> Formats.count(s.customers(), getLocale())).setHeader(getTranslation("segments.customers"))
                .setAutoWidth(true);
        grid.addColumn(s -> base == 0 ? "–" : NumberFormat.getPercentInstance(getLocale())
                .format((double) s.customers() / base)).setHeader(getTranslation("segments.customerShare"));
        grid.addColumn(s -> NumberFormat.getPercentInstance(getLocale()).format(s.revenueShare()))
                .setHeader(getTranslation("segments.revenueShare"));
        grid.addColumn(s -> s.changeSincePrevious() == null ? "–" : (s.changeSincePrevious() > 0 ? "+" : "")
                + Formats.count(s.changeSincePrevious(), getLocale())).setHeader(getTranslation("segments.change"));
        // A scheme has a handful of segments; they come from the run's read model, not from a table scan.
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        // A grade's customers are on the pipeline, by stage and grade; the others open the filtered customer list.
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> {
            if (scheme.equals("GRADE")) {
                ui.navigate("pipeline");
            } else {
                ui.navigate("customers", QueryParameters.of(FILTER.get(scheme), click.getItem().segment()));
            }
        }));
        return grid;
    }
}
