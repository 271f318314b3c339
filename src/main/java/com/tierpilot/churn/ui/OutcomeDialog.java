package com.tierpilot.churn.ui;

import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.churn.ChurnOutcome;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Ends a churn case: won back, or lost with a reason (required) and a note. One binder. */
class OutcomeDialog extends Dialog {

    private final Binder<Draft> binder = new Binder<>(Draft.class);

    OutcomeDialog(ChurnEntry entry, Consumer<Decision> onSave) {
        setHeaderTitle(getTranslation("churn.outcome.title", entry.name() == null ? entry.code() : entry.name()));
        var outcome = new RadioButtonGroup<ChurnOutcome>(getTranslation("churn.outcome.label"));
        outcome.setId("outcome-choice");
        outcome.setItems(ChurnOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        var reason = new Select<ChurnOutcome.Reason>();
        reason.setId("outcome-reason");
        reason.setLabel(getTranslation("churn.outcome.reason"));
        reason.setItems(ChurnOutcome.Reason.values());
        reason.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        var note = new TextArea(getTranslation("churn.contact.note"));
        note.setId("outcome-note");
        note.setMaxLength(1000);
        note.setWidthFull();
        binder.forField(outcome).asRequired(getTranslation("validation.required"))
                .bind(d -> d.outcome, (d, v) -> d.outcome = v);
        binder.forField(reason)
                .withValidator(r -> r != null || outcome.getValue() != ChurnOutcome.LOST,
                        getTranslation("churn.error.reasonRequired"))
                .bind(d -> d.reason, (d, v) -> d.reason = v);
        binder.forField(note).bind(d -> d.note, (d, v) -> d.note = v);
        binder.setBean(new Draft());
        outcome.addValueChangeListener(e -> reason.setVisible(e.getValue() == ChurnOutcome.LOST));
        reason.setVisible(false);
        add(outcome, reason, note);
        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.validate().isOk()) {
                Draft d = binder.getBean();
                onSave.accept(new Decision(d.outcome, d.outcome == ChurnOutcome.LOST ? d.reason : null, d.note));
                close();
            }
        });
        save.setId("outcome-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    static final class Draft {
        ChurnOutcome outcome;
        ChurnOutcome.@Nullable Reason reason;
        @Nullable String note;
    }

    record Decision(ChurnOutcome outcome, ChurnOutcome.@Nullable Reason reason, @Nullable String note) {
    }
}
