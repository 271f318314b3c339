package com.tierpilot.sales.ui;

import com.tierpilot.sales.FollowUpKind;
import com.tierpilot.sales.FollowUpLogService;
import com.tierpilot.sales.FollowUpOutcome;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up to log (追踪志): how, what came of it, a note and the next date, with one binder. Fires a
 * {@link LogEvent} when valid; the section calls the service.
 */
class FollowUpLogForm extends FormLayout {

    final ComboBox<FollowUpKind> kind = new ComboBox<>();
    final ComboBox<FollowUpOutcome> outcome = new ComboBox<>();
    final TextArea note = new TextArea();
    final DatePicker nextOn = new DatePicker();
    final Button save = new Button();
    private final Binder<Entry> binder = new Binder<>(Entry.class);

    FollowUpLogForm(LocalDate today) {
        setId("followup-log-form");
        kind.setLabel(getTranslation("followUpLog.field.kind"));
        kind.setId("followup-log-kind");
        kind.setItems(FollowUpKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        outcome.setLabel(getTranslation("followUpLog.field.outcome"));
        outcome.setId("followup-log-outcome");
        outcome.setItems(FollowUpOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        outcome.setClearButtonVisible(true);
        note.setLabel(getTranslation("followUpLog.field.note"));
        note.setId("followup-log-note");
        note.setMaxLength(FollowUpLogService.MAX_NOTE_LENGTH);
        nextOn.setLabel(getTranslation("followUpLog.field.nextOn"));
        nextOn.setId("followup-log-next");
        nextOn.setMin(today);
        nextOn.setClearButtonVisible(true);
        save.setText(getTranslation("followUpLog.save"));
        save.setId("followup-log-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> submit());
        binder.forField(kind).asRequired(getTranslation("followUpLog.error.kind")).bind(Entry::getKind,
                Entry::setKind);
        binder.forField(outcome).bind(Entry::getOutcome, Entry::setOutcome);
        binder.forField(note).bind(Entry::getNote, Entry::setNote);
        binder.forField(nextOn).withValidator(d -> d == null || !d.isBefore(today),
                getTranslation("followUpLog.error.nextOn")).bind(Entry::getNextOn, Entry::setNextOn);
        var entry = new Entry();
        entry.setKind(FollowUpKind.CALL);
        binder.setBean(entry);
        add(kind, outcome, nextOn, note, save);
        setColspan(note, 2);
    }

    void submit() {
        if (binder.validate().isOk()) {
            fireEvent(new LogEvent(this, binder.getBean()));
        }
    }

    Registration addLogListener(ComponentEventListener<LogEvent> listener) {
        return addListener(LogEvent.class, listener);
    }

    static final class LogEvent extends ComponentEvent<FollowUpLogForm> {
        private final Entry entry;

        LogEvent(FollowUpLogForm source, Entry entry) {
            super(source, true);
            this.entry = entry;
        }

        Entry entry() {
            return entry;
        }
    }

    /** The binder's bean. */
    static final class Entry {
        private @Nullable FollowUpKind kind;
        private @Nullable FollowUpOutcome outcome;
        private String note = "";
        private @Nullable LocalDate nextOn;

        @Nullable FollowUpKind getKind() {
            return kind;
        }

        void setKind(@Nullable FollowUpKind kind) {
            this.kind = kind;
        }

        @Nullable FollowUpOutcome getOutcome() {
            return outcome;
        }

        void setOutcome(@Nullable FollowUpOutcome outcome) {
            this.outcome = outcome;
        }

        String getNote() {
            return note;
        }

        void setNote(@Nullable String note) {
            this.note = note == null ? "" : note;
        }

        @Nullable LocalDate getNextOn() {
            return nextOn;
        }

        void setNextOn(@Nullable LocalDate nextOn) {
            this.nextOn = nextOn;
        }
    }
}
