package com.tierpilot.loyalty.ui;

import com.tierpilot.loyalty.RewardDraft;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;

/** A reward of the catalogue: name, text, cost in points, stock and whether it is offered. Fires a {@link SaveEvent}. */
class RewardForm extends FormLayout {

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final IntegerField cost = new IntegerField();
    final IntegerField stock = new IntegerField();
    final Checkbox active = new Checkbox();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    RewardForm(@Nullable RewardDraft initial) {
        name.setLabel(getTranslation("rewards.name"));
        name.setId("reward-name");
        name.setMaxLength(120);
        description.setLabel(getTranslation("rewards.description"));
        description.setMaxLength(500);
        cost.setLabel(getTranslation("rewards.cost"));
        cost.setId("reward-cost");
        stock.setLabel(getTranslation("rewards.stock"));
        stock.setHelperText(getTranslation("rewards.stock.helper"));
        stock.setId("reward-stock");
        active.setLabel(getTranslation("rewards.active"));
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(new StringLengthValidator(getTranslation("validation.maxLength", 120), 1, 120))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(description).bind(d -> d.description, (d, v) -> d.description = v);
        binder.forField(cost).asRequired(getTranslation("validation.required"))
                .withValidator(new IntegerRangeValidator(getTranslation("loyalty.reward.error.cost"), 1, null))
                .bind(d -> d.cost, (d, v) -> d.cost = v);
        binder.forField(stock)
                .withValidator(new IntegerRangeValidator(getTranslation("loyalty.reward.error.stock"), 0, null))
                .bind(d -> d.stock, (d, v) -> d.stock = v);
        binder.forField(active).bind(d -> d.active, (d, v) -> d.active = v);
        binder.setBean(Draft.of(initial));
        add(name, cost, stock, active, description);
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            Draft d = binder.getBean();
            String text = d.description == null || d.description.isBlank() ? null : d.description.strip();
            fireEvent(new SaveEvent(this, new RewardDraft(d.name.strip(), text, d.cost, d.stock, d.active)));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<RewardForm> {
        private final RewardDraft draft;

        SaveEvent(RewardForm source, RewardDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        RewardDraft draft() {
            return draft;
        }
    }

    /** The form's bean. */
    static final class Draft {
        String name = "";
        @Nullable String description;
        @Nullable Integer cost;
        @Nullable Integer stock;
        boolean active = true;

        static Draft of(@Nullable RewardDraft initial) {
            Draft d = new Draft();
            if (initial != null) {
                d.name = initial.name();
                d.description = initial.description();
                d.cost = initial.pointsCost();
                d.stock = initial.stock();
                d.active = initial.active();
            }
            return d;
        }
    }
}
