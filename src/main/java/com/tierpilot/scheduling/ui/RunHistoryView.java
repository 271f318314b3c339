package com.tierpilot.scheduling.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.base.ui.ProgressPanel;
import com.tierpilot.scheduling.NightlyPipelineService;
import com.tierpilot.scheduling.RunAlert;
import com.tierpilot.scheduling.StepRecord;
import com.tierpilot.scheduling.RunAlertService;
import com.tierpilot.scheduling.ScheduleInfo;
import com.tierpilot.scheduling.TenantScheduleService;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.SegmentationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The owner's run history: every recompute with its trigger (schedule, manual, API), node, start, end, duration,
 * customers scored, tier changes, error and pipeline steps; "run now" with a live progress bar; the nightly schedule
 * (local time, pause); and the open alerts.
 */
@Route("runs")
@PageTitle("nav.runs")
@Menu(order = 34, icon = "vaadin:clock", title = "nav.runs")
@RolesAllowed(Role.OWNER_NAME)
public class RunHistoryView extends VerticalLayout {

    private final SegmentationService segmentation;
    private final NightlyPipelineService pipeline;
    private final TenantScheduleService schedules;
    private final RunAlertService alerts;
    private final TierPilotUser me;
    private final Grid<RunStatus> grid = new Grid<>();
    private final ProgressPanel<RunStatus> progress = new ProgressPanel<>(RunStatus::progressPermille,
            status -> getTranslation("segments.phase." + status.phase().name(), status.asOf().toString()),
            RunStatus::finished, status -> {
                grid.getDataProvider().refreshAll();
                showAlerts();
            });
    private final Div alertArea = new Div();
    private final Paragraph next = new Paragraph();
    private Map<Long, List<StepRecord>> steps = Map.of();

    RunHistoryView(SegmentationService segmentation, NightlyPipelineService pipeline, TenantScheduleService schedules,
            RunAlertService alerts, CurrentUser currentUser) {
        this.segmentation = segmentation;
        this.pipeline = pipeline;
        this.schedules = schedules;
        this.alerts = alerts;
        this.me = currentUser.require();
        progress.setId("runs-progress");
        alertArea.setId("runs-alerts");
        next.setId("runs-next");
        var runNow = new Button(getTranslation("runs.runNow"), VaadinIcon.PLAY.create(), click -> runNow());
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.setId("runs-run-now");
        add(alertArea, new H3(getTranslation("runs.schedule")), scheduleEditor(), next, runNow, progress,
                new H3(getTranslation("runs.history")), grid());
        showAlerts();
        showSchedule(schedules.schedule(me.tenantId()));
        segmentation.runs(me.tenantId(), 0, 1).stream().filter(r -> !r.finished()).findFirst()
                .ifPresent(r -> watch(r.id()));
    }

    private HorizontalLayout scheduleEditor() {
        ScheduleInfo current = schedules.schedule(me.tenantId());
        var time = new TimePicker(getTranslation("runs.schedule.time"));
        time.setStep(Duration.ofMinutes(15));
        time.setValue(current.runAt());
        time.setHelperText(getTranslation("runs.schedule.zone", current.zone().getId()));
        time.setId("runs-schedule-time");
        var paused = new Checkbox(getTranslation("runs.schedule.paused"), current.paused());
        paused.setId("runs-schedule-paused");
        var save = new Button(getTranslation("runs.schedule.save"), click -> {
            if (time.getValue() == null) {
                return;
            }
            try {
                showSchedule(schedules.change(me.tenantId(), time.getValue(), paused.getValue()));
                Notifications.success(getTranslation("runs.schedule.saved"));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        save.setId("runs-schedule-save");
        var row = new HorizontalLayout(time, paused, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void showSchedule(ScheduleInfo info) {
        next.setText(info.paused() || info.nextRun() == null ? getTranslation("runs.schedule.isPaused")
                : getTranslation("runs.schedule.next", Formats.dateTime(info.nextRun(), info.zone(), getLocale())));
    }

    private void showAlerts() {
        alertArea.removeAll();
        List<RunAlert> open = alerts.open(me.tenantId());
        if (open.isEmpty()) {
            return;
        }
        for (RunAlert alert : open) {
            var text = new Paragraph(getTranslation(alert.messageKey(), alert.arguments())
                    + " (" + Formats.dateTime(alert.createdAt(), me.timeZone(), getLocale()) + ")");
            text.addClassName("run-alert");
            alertArea.add(text);
        }
        var dismiss = new Button(getTranslation("runs.alert.dismiss"), click -> {
            alerts.dismissAll(me.tenantId());
            showAlerts();
        });
        dismiss.setId("runs-alerts-dismiss");
        alertArea.add(dismiss);
    }

    private Grid<RunStatus> grid() {
        grid.setId("runs-grid");
        grid.addColumn(r -> getTranslation(r.trigger().messageKey())).setHeader(getTranslation("runs.col.trigger"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.node() == null ? "" : r.node()).setHeader(getTranslation("runs.col.node"))
                .setAutoWidth(true).setFlexGrow(0);
        // Start and duration; the end is in the start's tooltip. With an end column the steps ran off a 1366-pixel
        // screen (issue 17, item 7).
        grid.addColumn(r -> time(r.startedAt())).setHeader(getTranslation("runs.col.start")).setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> getTranslation("runs.endedAt", time(r.finishedAt())));
        grid.addColumn(r -> r.duration() == null ? "" : seconds(r.duration()))
                .setHeader(getTranslation("runs.col.duration")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation("runs.state." + r.state().name())).setHeader(getTranslation("runs.col.state"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.count(r.customersScored(), getLocale()))
                .setHeader(getTranslation("runs.col.scored")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(r -> Formats.count(r.changes(), getLocale())).setHeader(getTranslation("runs.col.changes"))
                .setWidth("6rem").setFlexGrow(0);
        // The error itself is for the server log; the owner reads that the run failed and which step did.
        grid.addColumn(r -> r.error() == null ? "" : r.nodeStopped()
                ? getTranslation("runs.error.nodeStopped", r.node() == null ? "?" : r.node())
                : getTranslation("runs.error.seeLog"))
                .setHeader(getTranslation("runs.col.error")).setWidth("5rem").setFlexGrow(1);
        grid.addColumn(r -> steps.getOrDefault(r.id(), List.of()).stream().map(this::step)
                .collect(java.util.stream.Collectors.joining(getTranslation("runs.step.separator"))))
                .setHeader(getTranslation("runs.col.steps")).setWidth("9rem").setFlexGrow(4);
        // The steps and errors are sentences: they wrap on screen instead of running off it (issue 17, item 7); the
        // other columns keep the width of their contents (the counts' headers wrap), and the steps take what is left
        // (at 1366 px in English the wider minimums ran the steps 166 px off the grid).
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(query -> {
            List<RunStatus> page = segmentation.runs(me.tenantId(), query.getOffset(), query.getLimit());
            steps = pipeline.steps(me.tenantId(), page.stream().map(RunStatus::id).toList());
            return page.stream();
        }, query -> segmentation.countRuns(me.tenantId()));
        new EmptyState(this, "runs-empty", "empty.runs", "empty.runs.action", "segments").in(grid);
        return grid;
    }

    /** A step in the viewer's language: "Recompute: OK, 1.2 s, 2,000 customers, 31 tier changes". */
    private String step(StepRecord s) {
        if (s.text() != null) {
            return s.text();
        }
        String what = s.messageKey() == null ? "" : getTranslation(s.messageKey(), s.arguments().stream()
                .map(n -> (Object) Formats.count(n, getLocale())).toArray());
        return getTranslation(s.ok() ? "runs.step.ok" : "runs.step.failed", getTranslation("runs.step." + s.step()),
                seconds(Duration.ofMillis(s.millis())), what);
    }

    private String time(@Nullable Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, me.timeZone(), getLocale());
    }

    private String seconds(Duration duration) {
        return getTranslation("runs.seconds", String.format(getLocale(), "%.1f", duration.toMillis() / 1000.0));
    }

    private void runNow() {
        try {
            watch(pipeline.start(me.tenantId()));
            grid.getDataProvider().refreshAll();
        } catch (UserFacingException e) {
            Notifications.error(this, e);
        }
    }

    private void watch(long runId) {
        progress.watch(() -> segmentation.run(me.tenantId(), runId),
                listener -> segmentation.onProgress(me.tenantId(), runId, listener));
    }
}
