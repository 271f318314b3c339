package com.tierpilot.importing.ui;

import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.EmptyState;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.base.ui.UploadTexts;
import com.tierpilot.importing.FileAnalysis;
import com.tierpilot.importing.ImportField;
import com.tierpilot.importing.ImportKind;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportService;
import com.tierpilot.importing.ImportSettings;
import com.tierpilot.importing.OrderRepeats;
import com.tierpilot.importing.PreviewRow;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import wizard (upload, map, preview, import with live progress) and the import history. An import runs on
 * the server; the user may leave the page and come back to its progress or its result.
 */
@Route("import")
@PageTitle("nav.import")
@Menu(order = 20, icon = "vaadin:upload", title = "nav.import")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME})
public class ImportView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);

    private final ImportService imports;
    private final TierPilotUser me;
    private final Map<Long, String> userNames;
    private final Div step = new Div();
    private final Grid<ImportRunStatus> history = new Grid<>();
    private @Nullable Path uploaded;
    private @Nullable String uploadedName;
    private @Nullable FileAnalysis analysis;
    private @Nullable Runnable unsubscribe;

    ImportView(ImportService imports, TeamDirectoryService team, CurrentUser currentUser) {
        this.imports = imports;
        this.me = currentUser.require();
        this.userNames = team.activeUsers(me.tenantId()).stream()
                .collect(Collectors.toMap(u -> u.userId().value(), UserSummary::displayName));
        setSizeFull();
        step.setWidthFull();
        step.setId("import-step");

        var tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("import.tab.new"), step);
        tabs.add(getTranslation("import.tab.history"), historyGrid());
        new EmptyState(this, "import-history-empty", "empty.imports", "empty.imports.action",
                () -> tabs.setSelectedIndex(0)).in(history);
        tabs.addSelectedChangeListener(change -> history.getDataProvider().refreshAll());
        add(tabs);
        addDetachListener(detach -> stopWatching());

        ImportRunStatus running = imports.history(me.tenantId(), 0, 20).stream()
                .filter(r -> !r.finished() && r.userId() == me.userId().value()).findFirst().orElse(null);
        if (running != null) {
            showProgress(running.id());
        } else {
            showUpload();
        }
    }

    private void showUpload() {
        step.removeAll();
        var upload = new Upload(UploadHandler.toFile((metadata, file) -> analyze(file.toPath(), metadata.fileName()),
                fileName -> imports.newUploadPath().toFile()));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) ImportService.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", ".xlsx", "text/csv", "text/plain",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setId("import-upload");
        upload.setI18n(UploadTexts.of(this::getTranslation));
        upload.addFileRejectedListener(rejected -> Notifications.error(getTranslation("import.error.rejectedFile",
                rejected.getErrorMessage())));
        step.add(new H3(getTranslation("import.step.upload")), new Paragraph(getTranslation("import.uploadHelp")),
                upload);
    }

    private void analyze(Path file, String fileName) {
        discardUpload();
        uploaded = file;
        uploadedName = fileName;
        try {
            analysis = imports.analyze(me.tenantId(), file);
            showMapping();
        } catch (UserFacingException e) {
            discardUpload();
            Notifications.error(this, e);
        }
    }

    private void showMapping() {
        FileAnalysis current = analysis;
        step.removeAll();
        var form = new MappingForm(current, kind -> imports.suggest(current.header(), current.sample(), kind,
                me.timeZone()));
        form.addPreviewListener(event -> showPreview(event.settings()));
        step.add(new H3(getTranslation("import.step.map", uploadedName)), form, backTo(getTranslation(
                "import.chooseOtherFile"), this::restart));
    }

    private void showPreview(ImportSettings settings) {
        List<PreviewRow> rows;
        try {
            rows = imports.preview(me.tenantId(), uploaded, settings);
        } catch (UserFacingException e) {
            Notifications.error(this, e);
            return;
        }
        step.removeAll();
        var grid = new Grid<PreviewRow>();
        grid.setId("import-preview-grid");
        grid.addColumn(PreviewRow::rowNumber).setHeader(getTranslation("import.report.row")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::rowStatus).setHeader(getTranslation("import.preview.status"))
                .setAutoWidth(true);
        for (ImportField field : settings.kind().fields()) {
            if (settings.columns().containsKey(field)) {
                grid.addColumn(r -> r.values().getOrDefault(field, "")).setHeader(getTranslation(field.messageKey()))
                        .setAutoWidth(true).setPartNameGenerator(r -> r.problems().stream()
                                .anyMatch(p -> p.field().equals(field.name())) ? "import-bad-cell" : null);
            }
        }
        settings.attributes().keySet().forEach(name -> grid.addColumn(r -> r.attributes().getOrDefault(name, ""))
                .setHeader(name).setAutoWidth(true));
        // A fixed preview of at most 20 rows, not a database list.
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        long valid = rows.stream().filter(PreviewRow::valid).count();
        var summary = new Paragraph(getTranslation("import.preview.summary", valid, rows.size()));
        summary.setId("import-preview-summary");
        var start = new Button(getTranslation("import.start"), click -> start(settings));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("import-start");
        var back = new Button(getTranslation("import.back"), click -> showMapping());
        step.add(new H3(getTranslation("import.step.preview")), summary);
        repeatsWarning(settings).ifPresent(step::add);
        step.add(grid, new HorizontalLayout(back, start));
    }

    /** When an "Orders" import would drop rows as repeats of an order number: how many, an example, and a way out. */
    private Optional<Component> repeatsWarning(ImportSettings settings) {
        OrderRepeats repeats = imports.orderRepeats(me.tenantId(), uploaded, settings);
        OrderRepeats.Example example = repeats.example();
        if (repeats.repeatedRows() == 0 || example == null) {
            return Optional.empty();
        }
        var text = new Paragraph(getTranslation(repeats.wholeFile() ? "import.preview.repeats"
                : "import.preview.repeatsFirst", Formats.count(repeats.repeatedRows(), getLocale()),
                Formats.count(repeats.rowsRead(), getLocale()), String.valueOf(example.rowNumber()),
                example.orderNo(), String.valueOf(example.firstRowNumber())));
        text.setId("import-preview-repeats");
        var useLines = new Button(getTranslation("import.preview.useLines"), click -> {
            FileAnalysis current = analysis;
            analysis = new FileAnalysis(current.file(), current.header(), current.sample(), imports.suggest(
                    current.header(), current.sample(), ImportKind.ORDER_LINES, settings.fileZone()), false,
                    current.repeats());
            showMapping();
        });
        useLines.setId("import-use-lines");
        var box = new Div(text, useLines);
        box.addClassName("import-repeats-warning");
        box.getStyle().set("border-left", "4px solid var(--lumo-error-color)").set("padding-left",
                "var(--lumo-space-m)");
        return Optional.of(box);
    }

    private Component rowStatus(PreviewRow row) {
        if (row.valid()) {
            var ok = new Span(getTranslation("import.preview.ok"));
            ok.getElement().getThemeList().add("badge success");
            return ok;
        }
        var problems = new Span(row.problems().stream().map(p -> {
            String reason = getTranslation(p.reason().messageKey()) + (p.detail().isEmpty() ? ""
                    : " «" + p.detail() + "»");
            return p.field().isEmpty() ? reason : getTranslation("action.labelled",
                    getTranslation("import.field." + p.field()), reason);
        }).collect(Collectors.joining(getTranslation("import.preview.problemSeparator"))));
        problems.getElement().getThemeList().add("badge error");
        problems.addClassName("import-problem");
        return problems;
    }

    private void start(ImportSettings settings) {
        try {
            long run = imports.start(me.tenantId(), me.userId(), uploaded, uploadedName, settings);
            uploaded = null; // the import owns the file now and deletes it when done
            showProgress(run);
        } catch (UserFacingException e) {
            Notifications.error(this, e);
        }
    }

    private void showProgress(long runId) {
        step.removeAll();
        var title = new H3();
        var bar = new ProgressBar(0, 1000);
        bar.setId("import-progress");
        var detail = new Paragraph();
        detail.setId("import-progress-detail");
        var result = new Div();
        result.setId("import-result");
        step.add(title, bar, detail, result);
        UI ui = UI.getCurrent();
        java.util.function.Consumer<ImportRunStatus> render = status -> {
            title.setText(getTranslation("import.step.progress", status.fileName()));
            bar.setValue(status.progressPermille());
            bar.setIndeterminate(status.phase() == ImportRunStatus.Phase.MERGING);
            detail.setText(getTranslation("import.phase." + status.phase().name(),
                    Formats.count(status.rowsRead(), getLocale()), Formats.count(status.rowsRejected(), getLocale())));
            if (status.finished()) {
                bar.setVisible(false);
                result.removeAll();
                result.add(resultOf(status));
                history.getDataProvider().refreshAll();
            }
        };
        stopWatching();
        render.accept(imports.status(me.tenantId(), runId));
        unsubscribe = imports.onProgress(me.tenantId(), runId, status -> ui.access(() -> render.accept(status)));
        // The run may have finished between reading its status and subscribing.
        ImportRunStatus now = imports.status(me.tenantId(), runId);
        if (now.finished()) {
            render.accept(now);
        }
    }

    private Component resultOf(ImportRunStatus status) {
        var box = new VerticalLayout();
        box.setPadding(false);
        if (status.state() == ImportRunStatus.State.FAILED) {
            var failed = new Paragraph(getTranslation("import.result.failed") + " " + getTranslation(
                    status.errorKey() == null ? "import.error.unexpected" : status.errorKey(),
                    errorArguments(status)));
            failed.addClassName("import-failed");
            box.add(failed);
        } else {
            var done = new Paragraph(getTranslation("import.result.done",
                    Formats.count(status.rowsRead(), getLocale()),
                    Formats.count(status.customersCreated(), getLocale()),
                    Formats.count(status.customersUpdated(), getLocale()),
                    Formats.count(status.ordersCreated(), getLocale()),
                    Formats.count(status.ordersUpdated(), getLocale()),
                    Formats.count(status.rowsRejected(), getLocale())));
            done.setId("import-result-summary");
            box.add(done);
            status.rejectionsByReason().forEach((reason, count) -> box.add(new Span(getTranslation(
                    "action.labelled", getTranslation(reason.messageKey()), Formats.count(count, getLocale())))));
            if (status.rowsRejected() > 0) {
                box.add(reportLink(status));
            }
            var customers = new Anchor("customers", getTranslation("import.result.viewCustomers"));
            customers.setId("import-view-customers");
            // What comes next for a new company: the dashboard's getting-started guide (issue 17, item 5).
            var next = new Anchor("", getTranslation("import.result.next"));
            next.setId("import-next");
            box.add(customers, next);
        }
        box.add(backTo(getTranslation("import.another"), this::restart));
        return box;
    }

    private Object[] errorArguments(ImportRunStatus status) {
        String detail = status.errorDetail();
        if (detail == null || detail.length() < 2 || !detail.startsWith("[")) {
            return new Object[0];
        }
        return detail.substring(1, detail.length() - 1).split(", ");
    }

    private Anchor reportLink(ImportRunStatus status) {
        Locale locale = getLocale();
        DownloadHandler report = event -> {
            event.setFileName("import-" + status.id() + "-rejected-rows.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                imports.writeRejections(me.tenantId(), status.id(), out, key -> getTranslation(locale, key));
            }
        };
        var link = new Anchor(report, getTranslation("import.result.report"));
        link.setId("import-report-" + status.id());
        return link;
    }

    private Component historyGrid() {
        history.setId("import-history");
        history.addColumn(ImportRunStatus::fileName).setHeader(getTranslation("import.history.file"))
                .setAutoWidth(true);
        history.addColumn(r -> userNames.getOrDefault(r.userId(), "#" + r.userId()))
                .setHeader(getTranslation("import.history.user")).setAutoWidth(true);
        history.addColumn(r -> format(r.startedAt())).setHeader(getTranslation("import.history.started"))
                .setAutoWidth(true);
        history.addColumn(r -> getTranslation(r.kind().messageKey())).setHeader(getTranslation("import.kind"));
        history.addColumn(r -> getTranslation("import.state." + r.state().name()))
                .setHeader(getTranslation("import.history.status"));
        history.addColumn(r -> Formats.count(r.rowsRead(), getLocale())).setHeader(getTranslation(
                "import.history.rows"));
        history.addColumn(r -> r.kind() == ImportKind.CUSTOMERS
                ? getTranslation("import.history.createdUpdated", r.customersCreated(), r.customersUpdated())
                : getTranslation("import.history.createdUpdated", r.ordersCreated(), r.ordersUpdated()))
                .setHeader(getTranslation("import.history.changes"));
        history.addComponentColumn(r -> r.rowsRejected() > 0 && r.state() == ImportRunStatus.State.SUCCEEDED
                ? reportLink(r) : new Span(r.errorKey() == null ? Formats.count(r.rowsRejected(), getLocale())
                        : getTranslation(r.errorKey(), errorArguments(r))))
                .setHeader(getTranslation("import.history.rejected")).setAutoWidth(true);
        history.setItems(query -> imports.history(me.tenantId(), query.getOffset(), query.getLimit()).stream(),
                query -> imports.countHistory(me.tenantId()));
        history.setSizeFull();
        return history;
    }

    private Button backTo(String text, Runnable action) {
        var button = new Button(text, click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void restart() {
        stopWatching();
        discardUpload();
        analysis = null;
        showUpload();
    }

    private void stopWatching() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void discardUpload() {
        if (uploaded != null) {
            try {
                Files.deleteIfExists(uploaded);
            } catch (IOException e) {
                log.warn("Could not delete an abandoned upload {}", uploaded, new UncheckedIOException(e));
            }
            uploaded = null;
        }
    }

    private String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(instant.atZone(me.timeZone()));
    }
}
