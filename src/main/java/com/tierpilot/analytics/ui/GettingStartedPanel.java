package com.tierpilot.analytics.ui;

import com.tierpilot.analytics.GettingStartedService;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.base.ui.ProgressPanel;
import com.tierpilot.demo.SampleDataService;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.SegmentationService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The dashboard's getting-started panel (issue 17, item 5): three steps to a company's first dashboard, each with
 * what is done and a button for what is next. It stays until the dashboard shows the company's own data, or until
 * someone hides it.
 */
class GettingStartedPanel extends Div {

    private final GettingStartedService guide;
    private final SampleDataService sample;
    private final SegmentationService segmentation;
    private final TierPilotUser me;
    private final ProgressPanel<RunStatus> progress;

    GettingStartedPanel(GettingStartedService guide, SampleDataService sample, SegmentationService segmentation, TierPilotUser me,
            GettingStartedService.Progress state) {
        this.guide = guide;
        this.sample = sample;
        this.segmentation = segmentation;
        this.me = me;
        this.progress = new ProgressPanel<>(RunStatus::progressPermille,
                status -> getTranslation("segments.phase." + status.phase().name(), status.asOf().toString()),
                RunStatus::finished, this::finished);
        setId("getting-started");
        addClassName("getting-started");
        var hide = new Button(getTranslation("start.dismiss"), click -> {
            guide.dismiss(me.tenantId());
            setVisible(false);
        });
        hide.setId("getting-started-dismiss");
        hide.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var heading = new HorizontalLayout(new H3(getTranslation("start.title")), hide);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.setWidthFull();
        heading.expand(heading.getComponentAt(0));
        add(heading, new Paragraph(getTranslation("start.intro")));
        add(importStep(state), criteriaStep(state), recomputeStep(state), progress);
        progress.setId("getting-started-progress");
    }

    private Component importStep(GettingStartedService.Progress state) {
        String done = state.imported() ? getTranslation("start.import.done", Formats.count(state.customers(),
                getLocale()), Formats.count(state.orders(), getLocale()), date(state.lastOrder())) : null;
        var button = new Button(getTranslation(state.imported() ? "start.import.more" : "start.import.button"),
                VaadinIcon.UPLOAD.create(), click -> getUI().ifPresent(ui -> ui.navigate("import")));
        button.setId("getting-started-import");
        if (!state.imported()) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        if (state.imported()) {
            return step("import", 1, true, getTranslation("start.import.title"), done, button);
        }
        // Or try it first: sample data loaded into this company, removable in one click.
        var sampleButton = new Button(getTranslation("start.sample.button"), VaadinIcon.MAGIC.create(),
                click -> loadSample());
        sampleButton.setId("getting-started-sample");
        return step("import", 1, false, getTranslation("start.import.title"),
                getTranslation("start.import.text") + " " + getTranslation("start.sample.text"), button,
                sampleButton);
    }

    private Component criteriaStep(GettingStartedService.Progress state) {
        var button = new Button(getTranslation("start.criteria.button"), VaadinIcon.SLIDERS.create(), click -> {
            guide.criteriaChecked(me.tenantId());
            getUI().ifPresent(ui -> ui.navigate("segments/settings"));
        });
        button.setId("getting-started-criteria");
        return step("criteria", 2, state.criteriaChecked(), getTranslation("start.criteria.title"),
                getTranslation("start.criteria.text", state.windowDays()), button);
    }

    private Component recomputeStep(GettingStartedService.Progress state) {
        String text;
        if (state.recomputed()) {
            text = getTranslation("start.recompute.done", date(state.currentAsOf()),
                    Formats.count(state.activeCustomers(), getLocale()));
        } else if (state.dataIsOld()) {
            text = getTranslation("start.recompute.old", date(state.lastOrder()), state.windowDays(),
                    date(state.suggestedAsOf()));
        } else {
            text = getTranslation("start.recompute.text");
        }
        var button = new Button(getTranslation("start.recompute.button", date(state.suggestedAsOf())),
                VaadinIcon.REFRESH.create(), click -> start());
        button.setId("getting-started-recompute");
        button.setEnabled(state.imported());
        if (state.imported()) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return step("recompute", 3, state.recomputed(), getTranslation("start.recompute.title"), text, button);
    }

    private Component step(String name, int number, boolean done, String title, String text, Button... buttons) {
        var mark = done ? VaadinIcon.CHECK_CIRCLE.create() : new Span(String.valueOf(number));
        mark.addClassName(done ? "getting-started-done" : "getting-started-number");
        var words = new Div(new Span(title), new Paragraph(text));
        words.addClassName("getting-started-words");
        var row = new HorizontalLayout(mark, words);
        var actions = new Div(buttons);
        actions.addClassName("getting-started-actions");
        row.add(actions);
        row.setId("getting-started-step-" + name);
        row.addClassName("getting-started-step");
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWidthFull();
        row.expand(words);
        row.getElement().setAttribute("data-done", String.valueOf(done));
        return row;
    }

    private void start() {
        try {
            watch(guide.recompute(me.tenantId()));
        } catch (UserFacingException e) {
            Notifications.error(this, e);
        }
    }

    private void loadSample() {
        try {
            watch(sample.load(me.tenantId()));
        } catch (UserFacingException e) {
            Notifications.error(this, e);
        }
    }

    private void watch(long run) {
        progress.watch(() -> segmentation.run(me.tenantId(), run),
                listener -> segmentation.onProgress(me.tenantId(), run, listener));
    }

    private void finished(RunStatus status) {
        if (status.state() == RunStatus.State.FAILED) {
            Notifications.error(getTranslation("segments.runFailed", status.error() == null ? "" : status.error()));
            return;
        }
        // The dashboard is drawn from the new run's read models.
        getUI().ifPresent(ui -> ui.getPage().reload());
    }

    private String date(@org.jspecify.annotations.Nullable LocalDate date) {
        return date == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                .format(date);
    }
}
