package com.tierpilot.churn.ui;

import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.revisit.ContactChannel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Sets a follow-up task for a customer on the churn list: when, how, and a note. One binder. */
class FollowUpDialog extends Dialog {

    /** What the manager entered. */
    record FollowUp(LocalDate dueOn, ContactChannel channel, @Nullable String note) {
    }

    private final Binder<Draft> binder = new Binder<>(Draft.class);

    FollowUpDialog(ChurnEntry entry, LocalDate today, Consumer<FollowUp> onSave) {
        setHeaderTitle(getTranslation("churn.followUp.title", entry.name() == null ? entry.code() : entry.name()));
        var due = new DatePicker(getTranslation("churn.followUp.due"));
        due.setId("followup-due");
        due.setMin(today);
        var channel = new Select<ContactChannel>();
        channel.setId("followup-channel");
        channel.setLabel(getTranslation("churn.contact.channel"));
        channel.setItems(ContactChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        var note = new TextArea(getTranslation("churn.contact.note"));
        note.setId("followup-note");
        note.setMaxLength(1000);
        note.setWidthFull();
        binder.forField(due).asRequired(getTranslation("validation.required"))
                .withValidator(d -> !d.isBefore(today), getTranslation("revisit.error.dueOn"))
                .bind(d -> d.due, (d, v) -> d.due = v);
        binder.forField(channel).asRequired(getTranslation("validation.required"))
                .bind(d -> d.channel, (d, v) -> d.channel = v);
        binder.forField(note).bind(d -> d.note, (d, v) -> d.note = v);
        Draft draft = new Draft();
        draft.due = today.plusDays(1);
        binder.setBean(draft);
        add(due, channel, note);
        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.validate().isOk()) {
                Draft d = binder.getBean();
                onSave.accept(new FollowUp(d.due, d.channel, d.note));
                close();
            }
        });
        save.setId("followup-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    static final class Draft {
        @Nullable LocalDate due;
        ContactChannel channel = ContactChannel.CALL;
        @Nullable String note;
    }
}
