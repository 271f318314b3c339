package com.tierpilot.churn.ui;

import com.tierpilot.churn.ChurnEntry;
import com.tierpilot.revisit.ContactChannel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Logs a contact with a customer: the channel and a note. One binder; hands the contact to the view. */
class ContactDialog extends Dialog {

    private final Binder<Draft> binder = new Binder<>(Draft.class);

    ContactDialog(ChurnEntry entry, Consumer<Contact> onSave) {
        setHeaderTitle(getTranslation("churn.contact.title", entry.name() == null ? entry.code() : entry.name()));
        var channel = new Select<ContactChannel>();
        channel.setId("contact-channel");
        channel.setLabel(getTranslation("churn.contact.channel"));
        channel.setItems(ContactChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        var note = new TextArea(getTranslation("churn.contact.note"));
        note.setId("contact-note");
        note.setMaxLength(1000);
        note.setWidthFull();
        binder.forField(channel).asRequired(getTranslation("validation.required"))
                .bind(d -> d.channel, (d, v) -> d.channel = v);
        binder.forField(note).bind(d -> d.note, (d, v) -> d.note = v);
        var draft = new Draft();
        draft.channel = ContactChannel.CALL;
        binder.setBean(draft);
        add(channel, note);
        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.validate().isOk()) {
                onSave.accept(new Contact(draft.channel, draft.note));
                close();
            }
        });
        save.setId("contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    static final class Draft {
        ContactChannel channel;
        @Nullable String note;
    }

    record Contact(ContactChannel channel, @Nullable String note) {
    }
}
