package com.tierpilot.prediction.ui;

import com.tierpilot.prediction.PredictionSettings;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.BigDecimalRangeValidator;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The owner's prediction settings: the monthly discount rate of the 12-month CLV, in percent, and the P(alive)
 * under which a customer goes on the churn list. One binder; fires a save event.
 */
class PredictionSettingsForm extends FormLayout {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft = new Draft();

    PredictionSettingsForm(PredictionSettings settings) {
        var discount = new BigDecimalField(getTranslation("prediction.settings.discount"));
        discount.setId("prediction-discount-field");
        discount.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        discount.setHelperText(getTranslation("prediction.settings.discountHelp"));
        var threshold = new BigDecimalField(getTranslation("prediction.settings.threshold"));
        threshold.setId("prediction-threshold-field");
        threshold.setHelperText(getTranslation("prediction.settings.thresholdHelp"));
        binder.forField(discount).asRequired(getTranslation("validation.required"))
                .withValidator(new BigDecimalRangeValidator(getTranslation("prediction.error.discount"),
                        BigDecimal.ZERO, BigDecimal.valueOf(20)))
                .bind(d -> d.discountPercent, (d, v) -> d.discountPercent = v);
        binder.forField(threshold).asRequired(getTranslation("validation.required"))
                .withValidator(new BigDecimalRangeValidator(getTranslation("prediction.error.threshold"),
                        BigDecimal.ZERO, BigDecimal.ONE))
                .bind(d -> d.threshold, (d, v) -> d.threshold = v);
        draft.discountPercent = settings.monthlyDiscount().multiply(HUNDRED).stripTrailingZeros();
        draft.threshold = settings.churnThreshold().stripTrailingZeros();
        binder.setBean(draft);
        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, new PredictionSettings(
                        draft.discountPercent.divide(HUNDRED, 4, RoundingMode.HALF_UP),
                        draft.threshold.setScale(3, RoundingMode.HALF_UP))));
            }
        });
        save.setId("prediction-settings-save");
        add(discount, threshold, save);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class Draft {
        BigDecimal discountPercent;
        BigDecimal threshold;
    }

    /** The settings to save. */
    static final class SaveEvent extends ComponentEvent<PredictionSettingsForm> {
        private final PredictionSettings settings;

        SaveEvent(PredictionSettingsForm source, PredictionSettings settings) {
            super(source, false);
            this.settings = settings;
        }

        PredictionSettings settings() {
            return settings;
        }
    }
}
