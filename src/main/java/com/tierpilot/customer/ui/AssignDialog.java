package com.tierpilot.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Assigns account managers in bulk: every customer of the list's current filter to one manager, or a region's
 * customers dealt out in turn to several. One binder; hands the choice to the view.
 */
class AssignDialog extends Dialog {

    enum Mode {
        MATCHING, ROUND_ROBIN
    }

    /** What the user chose. */
    record Choice(Mode mode, @Nullable Long manager, Set<Long> managers, @Nullable String region,
            boolean onlyUnassigned) {
    }

    private final Binder<Draft> binder = new Binder<>(Draft.class);

    AssignDialog(String matchingText, int managerLimit, Map<Long, String> managers, List<String> regions, @Nullable String region,
            Consumer<Choice> onAssign) {
        setHeaderTitle(getTranslation("customers.assign.title"));
        var mode = new RadioButtonGroup<Mode>(getTranslation("customers.assign.mode"));
        mode.setId("assign-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("customers.assign.mode." + m.name(), matchingText));
        var manager = new ComboBox<Long>(getTranslation("customers.column.manager"));
        manager.setId("assign-manager");
        manager.setItems(managers.keySet());
        manager.setItemLabelGenerator(managers::get);
        manager.setHelperText(getTranslation("customers.assign.noneHelp"));
        var several = new MultiSelectComboBox<Long>(getTranslation("customers.assign.managers"));
        several.setId("assign-managers");
        several.setItems(managers.keySet());
        several.setItemLabelGenerator(managers::get);
        var inRegion = new ComboBox<String>(getTranslation("customers.filter.region"));
        inRegion.setId("assign-region");
        inRegion.setItems(regions);
        var onlyUnassigned = new Checkbox(getTranslation("customers.assign.onlyUnassigned"), true);
        onlyUnassigned.setId("assign-only-unassigned");
        binder.forField(mode).asRequired(getTranslation("validation.required")).bind(d -> d.mode,
                (d, v) -> d.mode = v);
        binder.forField(manager).bind(d -> d.manager, (d, v) -> d.manager = v);
        binder.forField(several).withValidator(v -> mode.getValue() != Mode.ROUND_ROBIN || !v.isEmpty(),
                getTranslation("validation.required")).bind(d -> d.managers, (d, v) -> d.managers = v);
        binder.forField(inRegion).withValidator(v -> mode.getValue() != Mode.ROUND_ROBIN || v != null,
                getTranslation("validation.required")).bind(d -> d.region, (d, v) -> d.region = v);
        binder.forField(onlyUnassigned).bind(d -> d.onlyUnassigned, (d, v) -> d.onlyUnassigned = v);
        var draft = new Draft();
        draft.mode = Mode.MATCHING;
        draft.region = region;
        draft.onlyUnassigned = true;
        binder.setBean(draft);
        Runnable modeShown = () -> {
            boolean dealing = mode.getValue() == Mode.ROUND_ROBIN;
            manager.setVisible(!dealing);
            several.setVisible(dealing);
            inRegion.setVisible(dealing);
            onlyUnassigned.setVisible(dealing);
        };
        mode.addValueChangeListener(e -> modeShown.run());
        modeShown.run();
        add(new Paragraph(getTranslation("customers.assign.intro", managerLimit)), mode, manager,
                several, inRegion, onlyUnassigned);
        var assign = new Button(getTranslation("customers.assign.do"), click -> {
            if (binder.validate().isOk()) {
                onAssign.accept(new Choice(draft.mode, draft.manager, draft.managers == null ? Set.of()
                        : draft.managers, draft.region, draft.onlyUnassigned));
                close();
            }
        });
        assign.setId("assign-do");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), assign);
    }

    static final class Draft {
        Mode mode;
        @Nullable Long manager;
        @Nullable Set<Long> managers;
        @Nullable String region;
        boolean onlyUnassigned;
    }
}
