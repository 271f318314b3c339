package com.tierpilot.revisit.ui;

import com.tierpilot.revisit.RevisitTask;
import com.tierpilot.revisit.TaskOutcome;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Logs how a revisit went: the outcome, a note and (optionally) the date of the next contact. One binder. */
class TaskOutcomeDialog extends Dialog {

    /** What the manager entered. */
    record Logged(TaskOutcome outcome, @Nullable String note, @Nullable LocalDate nextOn) {
    }

    private final Binder<Draft> binder = new Binder<>(Draft.class);

    TaskOutcomeDialog(RevisitTask task, LocalDate today, Consumer<Logged> onSave) {
        setHeaderTitle(getTranslation("tasks.outcome.title", task.customerName() == null ? task.customerCode()
                : task.customerName()));
        var outcome = new RadioButtonGroup<TaskOutcome>(getTranslation("tasks.outcome.label"));
        outcome.setId("task-outcome");
        outcome.setItems(TaskOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        var note = new TextArea(getTranslation("tasks.outcome.note"));
        note.setId("task-note");
        note.setMaxLength(1000);
        note.setWidthFull();
        var next = new DatePicker(getTranslation("tasks.outcome.next"));
        next.setId("task-next");
        next.setHelperText(getTranslation("tasks.outcome.next.helper"));
        next.setMin(today.plusDays(1));
        binder.forField(outcome).asRequired(getTranslation("validation.required"))
                .bind(d -> d.outcome, (d, v) -> d.outcome = v);
        binder.forField(note).bind(d -> d.note, (d, v) -> d.note = v);
        binder.forField(next)
                .withValidator(d -> d == null || d.isAfter(today), getTranslation("revisit.error.nextOn"))
                .withValidator(d -> d != null || outcome.getValue() != TaskOutcome.FOLLOW_UP,
                        getTranslation("tasks.outcome.next.required"))
                .bind(d -> d.next, (d, v) -> d.next = v);
        binder.setBean(new Draft());
        add(new Paragraph(task.planName(this::getTranslation)), outcome, note, next);
        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.validate().isOk()) {
                Draft d = binder.getBean();
                onSave.accept(new Logged(d.outcome, d.note, d.next));
                close();
            }
        });
        save.setId("task-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    static final class Draft {
        @Nullable TaskOutcome outcome;
        @Nullable String note;
        @Nullable LocalDate next;
    }
}
