package com.tierpilot.importing.ui;

import com.tierpilot.importing.DateFormatOption;
import com.tierpilot.importing.FileAnalysis;
import com.tierpilot.importing.ImportField;
import com.tierpilot.importing.ImportKind;
import com.tierpilot.importing.ImportSettings;
import com.tierpilot.importing.OrderRepeats;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The mapping step: what the file holds, which column is which field, extra customer fields, the date format and
 * the file's time zone. One binder checks that every required field has a column; a valid form fires a
 * {@link PreviewRequested} event with the settings.
 */
class MappingForm extends VerticalLayout {

    private final FileAnalysis analysis;
    private final List<ColumnChoice> columns;
    private final Function<ImportKind, ImportSettings> suggestionFor;
    private final RadioButtonGroup<ImportKind> kind = new RadioButtonGroup<>();
    private final FormLayout fields = new FormLayout();
    private final VerticalLayout attributes = new VerticalLayout();
    private final Select<DateFormatOption> dateFormat = new Select<>();
    private final ComboBox<ZoneId> zone = new ComboBox<>();
    private final Checkbox cancellations = new Checkbox();
    private final Map<ImportField, ComboBox<ColumnChoice>> fieldBoxes = new EnumMap<>(ImportField.class);
    private final List<AttributeRow> attributeRows = new ArrayList<>();
    private Binder<Map<ImportField, ColumnChoice>> binder = new Binder<>();

    MappingForm(FileAnalysis analysis, Function<ImportKind, ImportSettings> suggestionFor) {
        this.analysis = analysis;
        this.columns = ColumnChoice.of(analysis.header(), analysis.sample());
        this.suggestionFor = suggestionFor;
        setPadding(false);
        ImportSettings suggested = analysis.suggested();

        var detected = new Paragraph(analysis.file().format().name().equals("XLSX")
                ? getTranslation("import.detected.xlsx", analysis.header().size())
                : getTranslation("import.detected.csv", analysis.file().encodingLabel(),
                        delimiterName(analysis.file().delimiter()), analysis.header().size()));
        detected.setId("import-detected");
        add(detected);
        if (analysis.remembered()) {
            var remembered = new Paragraph(getTranslation("import.remembered"));
            remembered.addClassName("import-remembered");
            add(remembered);
        }
        OrderRepeats.Example example = analysis.repeats().example();
        if (!analysis.remembered() && suggested.kind() == ImportKind.ORDER_LINES
                && analysis.repeats().looksLikeOrderLines() && example != null) {
            var lines = new Paragraph(getTranslation("import.linesDetected", example.orderNo(),
                    String.valueOf(example.firstRowNumber()), String.valueOf(example.rowNumber())));
            lines.setId("import-lines-detected");
            add(lines);
        }

        kind.setLabel(getTranslation("import.kind"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(suggested.kind());
        kind.setId("import-kind");
        kind.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                showFields(suggestionFor.apply(change.getValue()));
            }
        });

        dateFormat.setLabel(getTranslation("import.dateFormat"));
        dateFormat.setItems(DateFormatOption.values());
        dateFormat.setItemLabelGenerator(DateFormatOption::label);
        dateFormat.setId("import-date-format");
        zone.setLabel(getTranslation("import.fileZone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        zone.setItemLabelGenerator(ZoneId::getId);
        zone.setHelperText(getTranslation("import.fileZoneHelp"));
        cancellations.setLabel(getTranslation("import.cancellationPrefix"));
        cancellations.setId("import-cancellations");

        var options = new FormLayout(dateFormat, zone, cancellations);
        fields.setId("import-fields");
        attributes.setPadding(false);
        var addAttribute = new Button(getTranslation("import.addAttribute"), VaadinIcon.PLUS.create(),
                click -> addAttributeRow("", null));
        addAttribute.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var attributeSection = new Div(new H3(getTranslation("import.attributes")),
                new Paragraph(getTranslation("import.attributesHelp")), attributes, addAttribute);
        attributeSection.setId("import-attributes");
        var preview = new Button(getTranslation("import.preview"), click -> requestPreview());
        preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.setId("import-preview");

        add(kind, new H3(getTranslation("import.columns")), fields, attributeSection, new H3(getTranslation(
                "import.options")), options, preview);
        showFields(suggested);
        suggested.attributes().forEach((name, column) -> addAttributeRow(name, columns.get(column)));
        attributeSection.setVisible(suggested.kind() == ImportKind.CUSTOMERS);
        kind.addValueChangeListener(change -> attributeSection.setVisible(change.getValue() == ImportKind.CUSTOMERS));
    }

    private void showFields(ImportSettings settings) {
        fields.removeAll();
        fieldBoxes.clear();
        binder = new Binder<>();
        for (ImportField field : settings.kind().fields()) {
            var box = new ComboBox<ColumnChoice>(getTranslation(field.messageKey()) + (field.required() ? " *" : ""));
            box.setItems(columns);
            box.setItemLabelGenerator(ColumnChoice::label);
            box.setClearButtonVisible(true);
            box.setId("map-" + field.name());
            Integer column = settings.columns().get(field);
            var binding = binder.forField(box);
            if (field.required()) {
                binding.asRequired(getTranslation("import.required"));
            }
            binding.bind(m -> m.get(field), (m, v) -> m.put(field, v));
            if (column != null) {
                box.setValue(columns.get(column));
            }
            fieldBoxes.put(field, box);
            fields.add(box);
        }
        dateFormat.setValue(settings.dateFormat());
        zone.setValue(settings.fileZone());
        cancellations.setValue(settings.cancellationPrefix());
        cancellations.setVisible(settings.kind() == ImportKind.ORDER_LINES);
    }

    private void addAttributeRow(String name, ColumnChoice column) {
        var row = new AttributeRow(name, column);
        attributeRows.add(row);
        attributes.add(row);
    }

    private void requestPreview() {
        if (!binder.validate().isOk()) {
            return;
        }
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        fieldBoxes.forEach((field, box) -> {
            if (box.getValue() != null) {
                mapping.put(field, box.getValue().index());
            }
        });
        Map<String, Integer> extra = new LinkedHashMap<>();
        if (kind.getValue() == ImportKind.CUSTOMERS) {
            for (AttributeRow row : attributeRows) {
                if (row.isAttached() && !row.name.getValue().isBlank() && row.column.getValue() != null) {
                    extra.put(row.name.getValue().strip(), row.column.getValue().index());
                }
            }
        }
        fireEvent(new PreviewRequested(this, new ImportSettings(kind.getValue(), mapping, extra,
                dateFormat.getValue(), zone.getValue() == null ? analysis.suggested().fileZone() : zone.getValue(),
                kind.getValue() == ImportKind.ORDER_LINES && cancellations.getValue())));
    }

    Registration addPreviewListener(ComponentEventListener<PreviewRequested> listener) {
        return addListener(PreviewRequested.class, listener);
    }

    private String delimiterName(char delimiter) {
        return switch (delimiter) {
            case '\t' -> getTranslation("import.delimiter.tab");
            case ';' -> getTranslation("import.delimiter.semicolon");
            case '|' -> getTranslation("import.delimiter.pipe");
            default -> getTranslation("import.delimiter.comma");
        };
    }

    /** The settings the user chose; the view calls the service with them. */
    static final class PreviewRequested extends ComponentEvent<MappingForm> {
        private final ImportSettings settings;

        PreviewRequested(MappingForm source, ImportSettings settings) {
            super(source, false);
            this.settings = settings;
        }

        ImportSettings settings() {
            return settings;
        }
    }

    /** One extra customer field: its name and its column. */
    private final class AttributeRow extends HorizontalLayout {
        final TextField name = new TextField();
        final ComboBox<ColumnChoice> column = new ComboBox<>();

        AttributeRow(String initialName, ColumnChoice initialColumn) {
            name.setPlaceholder(getTranslation("import.attributeName"));
            name.setValue(initialName);
            name.setMaxLength(60);
            column.setItems(columns);
            column.setItemLabelGenerator(ColumnChoice::label);
            column.setValue(initialColumn);
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> removeFromParent());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel(getTranslation("import.removeAttribute"));
            add(name, column, remove);
            setAlignItems(Alignment.BASELINE);
        }
    }
}
