package com.tierpilot.loyalty.ui;

import com.tierpilot.loyalty.TierSettings;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.shared.Registration;

/** What tier thresholds count, and the yearly review day. Fires a {@link SaveEvent}. */
class TierSettingsForm extends FormLayout {

    final Select<TierSettings.Basis> basis = new Select<>();
    final IntegerField reviewMonth = new IntegerField();
    final IntegerField reviewDay = new IntegerField();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    TierSettingsForm(TierSettings initial) {
        basis.setLabel(getTranslation("tiers.basis"));
        basis.setId("tiers-basis");
        basis.setItems(TierSettings.Basis.values());
        basis.setItemLabelGenerator(b -> getTranslation(b.messageKey()));
        reviewMonth.setLabel(getTranslation("tiers.reviewMonth"));
        reviewMonth.setId("tiers-review-month");
        reviewMonth.setMin(1);
        reviewMonth.setMax(12);
        reviewDay.setLabel(getTranslation("tiers.reviewDay"));
        reviewDay.setId("tiers-review-day");
        reviewDay.setMin(1);
        reviewDay.setMax(31);
        binder.forField(basis).asRequired(getTranslation("validation.required"))
                .bind(d -> d.basis, (d, v) -> d.basis = v);
        binder.forField(reviewMonth).asRequired(getTranslation("validation.required"))
                .withValidator(new IntegerRangeValidator(getTranslation("loyalty.tiers.error.review"), 1, 12))
                .bind(d -> d.month, (d, v) -> d.month = v);
        binder.forField(reviewDay).asRequired(getTranslation("validation.required"))
                .withValidator(new IntegerRangeValidator(getTranslation("loyalty.tiers.error.review"), 1, 31))
                .bind(d -> d.day, (d, v) -> d.day = v);
        Draft d = new Draft();
        d.basis = initial.basis();
        d.month = initial.reviewMonth();
        d.day = initial.reviewDay();
        binder.setBean(d);
        add(basis, reviewMonth, reviewDay);
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            Draft d = binder.getBean();
            fireEvent(new SaveEvent(this, new TierSettings(d.basis, d.month, d.day)));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<TierSettingsForm> {
        final TierSettings settings;

        SaveEvent(TierSettingsForm source, TierSettings settings) {
            super(source, false);
            this.settings = settings;
        }
    }

    /** The form's bean. */
    static final class Draft {
        TierSettings.Basis basis = TierSettings.Basis.POINTS;
        Integer month = 1;
        Integer day = 1;
    }
}
