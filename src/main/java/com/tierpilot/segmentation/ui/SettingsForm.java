package com.tierpilot.segmentation.ui;

import com.tierpilot.segmentation.AbcSettings;
import com.tierpilot.segmentation.LifecycleSettings;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RfmSettings;
import com.tierpilot.segmentation.SegmentationSettings;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of the three built-in schemes, one tab each, with one binder over a draft. Valid settings leave the
 * form as a {@link Save} or {@link Preview} event; the view calls the service.
 */
class SettingsForm extends VerticalLayout {

    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft;
    private final TabSheet tabs = new TabSheet();
    private final VerticalLayout lifecycleOrder = new VerticalLayout();
    private final boolean editable;
    /** RFM, ABC and lifecycle: the tabs this form's Preview and Save buttons act on. */
    private static final int SCHEME_TABS = 3;

    SettingsForm(SegmentationSettings settings, boolean editable) {
        this.draft = Draft.of(settings);
        this.editable = editable;
        setPadding(false);
        tabs.setWidthFull();
        tabs.add(getTranslation("segmentation.tab.rfm"), rfmTab());
        tabs.add(getTranslation("segmentation.tab.abc"), abcTab());
        tabs.add(getTranslation("segmentation.tab.lifecycle"), lifecycleTab());
        binder.setBean(draft);
        binder.setReadOnly(!editable);
        add(tabs);
        if (editable) {
            var preview = new Button(getTranslation("segmentation.preview"), VaadinIcon.EYE.create(),
                    click -> fire(false));
            preview.setId("segmentation-preview");
            var save = new Button(getTranslation("action.save"), click -> fire(true));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("segmentation-save");
            var buttons = new HorizontalLayout(preview, save);
            add(buttons);
            // The scheme settings' buttons belong to the scheme tabs; a tab added later (rule segments) has its own.
            tabs.addSelectedChangeListener(e -> buttons.setVisible(tabs.getSelectedIndex() < SCHEME_TABS));
        }
    }

    TabSheet tabs() {
        return tabs;
    }

    private void fire(boolean save) {
        if (binder.validate().isOk()) {
            SegmentationSettings settings = draft.toSettings();
            fireEvent(save ? new Save(this, settings) : new Preview(this, settings));
        }
    }

    private Component rfmTab() {
        var window = new IntegerField(getTranslation("segmentation.rfm.window"));
        window.setMin(1);
        window.setMax(3650);
        window.setStepButtonsVisible(true);
        window.setHelperText(getTranslation("segmentation.rfm.windowHelp"));
        window.setId("rfm-window");
        binder.forField(window).asRequired(getTranslation("validation.required"))
                .withValidator(v -> v >= 1 && v <= 3650, getTranslation("segmentation.error.window"))
                .bind(d -> d.windowDays, (d, v) -> d.windowDays = v);
        var mode = new RadioButtonGroup<RfmSettings.Mode>(getTranslation("segmentation.rfm.mode"));
        mode.setItems(RfmSettings.Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("segmentation.rfm.mode." + m.name()));
        mode.setId("rfm-mode");
        binder.forField(mode).asRequired().bind(d -> d.mode, (d, v) -> d.mode = v);

        var thresholds = new FormLayout();
        thresholds.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        cutRow(thresholds, "segmentation.rfm.recencyCuts", draft.recency);
        cutRow(thresholds, "segmentation.rfm.frequencyCuts", draft.frequency);
        cutRow(thresholds, "segmentation.rfm.monetaryCuts", draft.monetary);
        var thresholdBox = new Div(new Paragraph(getTranslation("segmentation.rfm.thresholdsHelp")), thresholds);
        thresholdBox.setVisible(draft.mode == RfmSettings.Mode.THRESHOLD);
        mode.addValueChangeListener(change -> thresholdBox.setVisible(change.getValue() == RfmSettings.Mode.THRESHOLD));

        var grid = new Div();
        grid.addClassName("rfm-grid");
        grid.add(new Span(getTranslation("segmentation.rfm.gridCorner")));
        for (int f = 1; f <= 5; f++) {
            grid.add(header("F" + f));
        }
        for (int r = 5; r >= 1; r--) {
            grid.add(header("R" + r));
            for (int f = 1; f <= 5; f++) {
                int row = r - 1;
                int column = f - 1;
                var cell = new Select<RfmSegment>();
                cell.setItems(RfmSegment.values());
                cell.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
                cell.setId("rfm-cell-" + r + "-" + f);
                cell.setAriaLabel("R" + r + " F" + f);
                binder.forField(cell).asRequired().bind(d -> d.grid[row][column], (d, v) -> d.grid[row][column] = v);
                grid.add(cell);
            }
        }
        var resetGrid = new Button(getTranslation("segmentation.rfm.resetGrid"), click -> {
            List<List<RfmSegment>> defaults = RfmSettings.defaultGrid();
            for (int r = 0; r < 5; r++) {
                for (int f = 0; f < 5; f++) {
                    draft.grid[r][f] = defaults.get(r).get(f);
                }
            }
            binder.refreshFields();
        });
        resetGrid.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var box = new VerticalLayout(new FormLayout(window, mode), thresholdBox,
                new Paragraph(getTranslation("segmentation.rfm.gridHelp")), grid, resetGrid);
        box.setPadding(false);
        return box;
    }

    private void cutRow(FormLayout layout, String labelKey, BigDecimal[] cuts) {
        for (int i = 0; i < 4; i++) {
            int index = i;
            var field = new BigDecimalField(i == 0 ? getTranslation(labelKey) : "");
            field.setAriaLabel(getTranslation(labelKey) + " " + (i + 1));
            binder.forField(field).asRequired(getTranslation("validation.required"))
                    .bind(d -> cuts[index], (d, v) -> cuts[index] = v);
            layout.add(field);
        }
    }

    private static Span header(String text) {
        var span = new Span(text);
        span.addClassName("rfm-grid-header");
        return span;
    }

    private Component abcTab() {
        var mode = new RadioButtonGroup<AbcSettings.Mode>(getTranslation("segmentation.abc.mode"));
        mode.setItems(AbcSettings.Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("segmentation.abc.mode." + m.name()));
        mode.setId("abc-mode");
        binder.forField(mode).asRequired().bind(d -> d.abcMode, (d, v) -> d.abcMode = v);
        var a = percent("segmentation.abc.aCut", "abc-a");
        var b = percent("segmentation.abc.bCut", "abc-b");
        binder.forField(a).asRequired(getTranslation("validation.required"))
                .withValidator(v -> v > 0 && v < 100, getTranslation("segmentation.error.abcCuts"))
                .bind(d -> d.aPercent, (d, v) -> d.aPercent = v);
        binder.forField(b).asRequired(getTranslation("validation.required"))
                .withValidator(v -> v > 0 && v <= 100, getTranslation("segmentation.error.abcCuts"))
                .withValidator(v -> draft.aPercent == null || v > draft.aPercent,
                        getTranslation("segmentation.error.abcCuts"))
                .bind(d -> d.bPercent, (d, v) -> d.bPercent = v);
        var pareto = new Button(getTranslation("segmentation.abc.presetPareto"), click -> preset(AbcSettings.pareto()));
        pareto.setId("abc-preset-pareto");
        var twenty = new Button(getTranslation("segmentation.abc.preset206020"),
                click -> preset(AbcSettings.twentySixtyTwenty()));
        twenty.setId("abc-preset-206020");
        var box = new VerticalLayout(new Paragraph(getTranslation("segmentation.abc.help")),
                new HorizontalLayout(pareto, twenty), new FormLayout(mode, a, b));
        box.setPadding(false);
        return box;
    }

    private void preset(AbcSettings settings) {
        draft.abcMode = settings.mode();
        draft.aPercent = settings.aCut().movePointRight(2).intValue();
        draft.bPercent = settings.bCut().movePointRight(2).intValue();
        binder.refreshFields();
    }

    private IntegerField percent(String labelKey, String id) {
        var field = new IntegerField(getTranslation(labelKey));
        field.setSuffixComponent(new Span("%"));
        field.setMin(1);
        field.setMax(100);
        field.setId(id);
        return field;
    }

    private Component lifecycleTab() {
        lifecycleOrder.setPadding(false);
        lifecycleOrder.setSpacing(false);
        lifecycleOrder.setId("lifecycle-order");
        showOrder();
        var form = new FormLayout();
        form.add(days("segmentation.lifecycle.newDays", d -> d.newDays, (d, v) -> d.newDays = v, "lifecycle-new"),
                days("segmentation.lifecycle.loyalOrders", d -> d.loyalOrders, (d, v) -> d.loyalOrders = v,
                        "lifecycle-loyal-orders"),
                days("segmentation.lifecycle.loyalDays", d -> d.loyalDays, (d, v) -> d.loyalDays = v,
                        "lifecycle-loyal-days"),
                days("segmentation.lifecycle.activeDays", d -> d.activeDays, (d, v) -> d.activeDays = v,
                        "lifecycle-active"),
                days("segmentation.lifecycle.atRiskDays", d -> d.atRiskDays, (d, v) -> d.atRiskDays = v,
                        "lifecycle-at-risk"));
        binder.withValidator(d -> d.atRiskDays == null || d.activeDays == null || d.atRiskDays >= d.activeDays,
                getTranslation("segmentation.error.lifecycleLimits"));
        var box = new VerticalLayout(new Paragraph(getTranslation("segmentation.lifecycle.help")), lifecycleOrder,
                form);
        box.setPadding(false);
        return box;
    }

    private IntegerField days(String labelKey, com.vaadin.flow.function.ValueProvider<Draft, Integer> getter,
            com.vaadin.flow.data.binder.Setter<Draft, Integer> setter, String id) {
        var field = new IntegerField(getTranslation(labelKey));
        field.setMin(1);
        field.setStepButtonsVisible(true);
        field.setId(id);
        binder.forField(field).asRequired(getTranslation("validation.required"))
                .withValidator(v -> v >= 1, getTranslation("segmentation.error.lifecycleLimits"))
                .bind(getter, setter);
        return field;
    }

    /** The rule order: potential first, churned last, the four in between movable. */
    private void showOrder() {
        lifecycleOrder.removeAll();
        lifecycleOrder.add(orderRow(LifecycleStage.POTENTIAL, -1));
        for (int i = 0; i < draft.order.size(); i++) {
            lifecycleOrder.add(orderRow(draft.order.get(i), i));
        }
        lifecycleOrder.add(orderRow(LifecycleStage.CHURNED, -1));
    }

    private Component orderRow(LifecycleStage stage, int index) {
        var label = new Span(getTranslation(stage.messageKey()) + " — " + getTranslation(
                "segmentation.lifecycle.rule." + stage.key()));
        var row = new HorizontalLayout(label);
        row.setAlignItems(Alignment.CENTER);
        row.setId("lifecycle-rule-" + stage.key());
        if (index >= 0 && editable) {
            var up = new Button(VaadinIcon.ARROW_UP.create(), click -> move(index, -1));
            up.setEnabled(index > 0);
            up.setAriaLabel(getTranslation("segmentation.lifecycle.moveUp"));
            up.setId("lifecycle-up-" + stage.key());
            var down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> move(index, 1));
            down.setEnabled(index < draft.order.size() - 1);
            down.setAriaLabel(getTranslation("segmentation.lifecycle.moveDown"));
            up.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            down.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            row.addComponentAsFirst(new HorizontalLayout(up, down));
        }
        return row;
    }

    private void move(int index, int by) {
        LifecycleStage stage = draft.order.remove(index);
        draft.order.add(index + by, stage);
        showOrder();
    }

    Registration addSaveListener(ComponentEventListener<Save> listener) {
        return addListener(Save.class, listener);
    }

    Registration addPreviewListener(ComponentEventListener<Preview> listener) {
        return addListener(Preview.class, listener);
    }

    /** Settings to save. */
    static final class Save extends ComponentEvent<SettingsForm> {
        final SegmentationSettings settings;

        Save(SettingsForm source, SegmentationSettings settings) {
            super(source, false);
            this.settings = settings;
        }
    }

    /** Settings to preview. */
    static final class Preview extends ComponentEvent<SettingsForm> {
        final SegmentationSettings settings;

        Preview(SettingsForm source, SegmentationSettings settings) {
            super(source, false);
            this.settings = settings;
        }
    }

    /** The editable state of the settings. */
    static final class Draft {
        Integer windowDays;
        RfmSettings.Mode mode;
        BigDecimal[] recency = new BigDecimal[4];
        BigDecimal[] frequency = new BigDecimal[4];
        BigDecimal[] monetary = new BigDecimal[4];
        RfmSegment[][] grid = new RfmSegment[5][5];
        AbcSettings.Mode abcMode;
        Integer aPercent;
        Integer bPercent;
        List<LifecycleStage> order = new ArrayList<>();
        Integer newDays;
        Integer loyalOrders;
        Integer loyalDays;
        Integer activeDays;
        Integer atRiskDays;
        int version;

        static Draft of(SegmentationSettings s) {
            Draft d = new Draft();
            RfmSettings rfm = s.rfm();
            d.windowDays = rfm.windowDays();
            d.mode = rfm.mode();
            for (int i = 0; i < 4; i++) {
                d.recency[i] = rfm.recencyCuts().get(i);
                d.frequency[i] = rfm.frequencyCuts().get(i);
                d.monetary[i] = rfm.monetaryCuts().get(i);
            }
            for (int r = 0; r < 5; r++) {
                for (int f = 0; f < 5; f++) {
                    d.grid[r][f] = rfm.grid().get(r).get(f);
                }
            }
            d.abcMode = s.abc().mode();
            d.aPercent = s.abc().aCut().movePointRight(2).intValue();
            d.bPercent = s.abc().bCut().movePointRight(2).intValue();
            LifecycleSettings l = s.lifecycle();
            d.order = new ArrayList<>(l.order());
            d.newDays = l.newDays();
            d.loyalOrders = l.loyalOrders();
            d.loyalDays = l.loyalDays();
            d.activeDays = l.activeDays();
            d.atRiskDays = l.atRiskDays();
            d.version = s.version();
            return d;
        }

        SegmentationSettings toSettings() {
            List<List<RfmSegment>> rows = new ArrayList<>();
            for (RfmSegment[] row : grid) {
                rows.add(List.of(row));
            }
            RfmSettings rfm = new RfmSettings(windowDays, mode, List.of(recency), List.of(frequency),
                    List.of(monetary), rows);
            AbcSettings abc = new AbcSettings(abcMode, BigDecimal.valueOf(aPercent, 2),
                    BigDecimal.valueOf(bPercent, 2));
            LifecycleSettings lifecycle = new LifecycleSettings(order, newDays, loyalOrders, loyalDays, activeDays,
                    atRiskDays);
            return new SegmentationSettings(rfm, abc, lifecycle, version);
        }
    }
}
