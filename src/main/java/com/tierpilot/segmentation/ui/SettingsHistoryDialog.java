package com.tierpilot.segmentation.ui;

import com.tierpilot.base.ui.Formats;
import com.tierpilot.segmentation.SettingsChangeEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** The recorded changes of the segmentation criteria: when, who, which scheme, and what changed from what. */
class SettingsHistoryDialog extends Dialog {

    SettingsHistoryDialog(List<SettingsChangeEntry> changes, ZoneId zone) {
        setHeaderTitle(getTranslation("segmentation.history.title"));
        setWidth("min(1100px, 95vw)");
        if (changes.isEmpty()) {
            add(new Paragraph(getTranslation("segmentation.history.empty")));
        } else {
            var grid = new Grid<SettingsChangeEntry>();
            grid.setId("settings-history");
            grid.addColumn(c -> Formats.dateTime(c.at(), zone, getLocale()))
                    .setHeader(getTranslation("segmentation.history.when")).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(c -> c.userName() == null ? getTranslation("segmentation.history.formerUser")
                    : c.userName()).setHeader(getTranslation("segmentation.history.who")).setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(c -> getTranslation("segmentation.tab." + c.scheme().toLowerCase())
                    + (c.subject().isBlank() ? "" : ": " + c.subject()))
                    .setHeader(getTranslation("segmentation.history.scheme")).setAutoWidth(true).setFlexGrow(0);
            grid.addComponentColumn(this::describe).setHeader(getTranslation("segmentation.history.changes"))
                    .setFlexGrow(1);
            // The dialog shows the latest changes only (the service caps them), so an in-memory list is enough.
            grid.setItems(changes);
            grid.setAllRowsVisible(changes.size() <= 12);
            add(grid);
        }
        var close = new Button(getTranslation("segmentation.history.close"), e -> close());
        getFooter().add(close);
    }

    private Div describe(SettingsChangeEntry change) {
        var text = new Div();
        text.getStyle().set("white-space", "pre-line");
        String lines = switch (change.kind()) {
            case CREATED -> getTranslation("segmentation.history.created");
            case DELETED -> getTranslation("segmentation.history.deleted");
            case CHANGED -> change.differences().stream()
                    .map(d -> d.path() + ": " + value(d.before()) + " → " + value(d.after()))
                    .collect(Collectors.joining("\n"));
        };
        text.setText(lines);
        return text;
    }

    private String value(String value) {
        return value == null ? "–" : value;
    }
}
