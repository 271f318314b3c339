package com.tierpilot.delivery.ui;

import com.tierpilot.delivery.DeliveryRules;
import com.tierpilot.delivery.Provider;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Quiet hours, weekly cap, price per SMS part, SMS provider and unsubscribe phrase; one binder, a save event. */
class RulesForm extends FormLayout {

    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft = new Draft();

    RulesForm(DeliveryRules rules) {
        var quietStart = new TimePicker(getTranslation("delivery.rules.quietStart"));
        quietStart.setId("delivery-quiet-start");
        quietStart.setStep(Duration.ofMinutes(30));
        var quietEnd = new TimePicker(getTranslation("delivery.rules.quietEnd"));
        quietEnd.setId("delivery-quiet-end");
        quietEnd.setStep(Duration.ofMinutes(30));
        quietEnd.setHelperText(getTranslation("delivery.rules.quietHelp"));
        var cap = new IntegerField(getTranslation("delivery.rules.weeklyCap"));
        cap.setId("delivery-weekly-cap");
        cap.setMin(0);
        cap.setMax(DeliveryRules.MAX_WEEKLY_CAP);
        cap.setStepButtonsVisible(true);
        cap.setHelperText(getTranslation("delivery.rules.weeklyCapHelp"));
        var price = new BigDecimalField(getTranslation("delivery.rules.pricePerPart"));
        price.setId("delivery-price");
        price.setHelperText(getTranslation("delivery.rules.pricePerPartHelp"));
        var provider = new ComboBox<Provider>(getTranslation("delivery.rules.smsProvider"));
        provider.setId("delivery-sms-provider");
        provider.setItems(Arrays.stream(Provider.values()).filter(p -> p.channel() == com.tierpilot.delivery
                .ChannelKind.SMS).toList());
        provider.setItemLabelGenerator(p -> getTranslation(p.labelKey()));
        provider.setClearButtonVisible(true);
        var phrase = new TextField(getTranslation("delivery.rules.unsubscribeText"));
        phrase.setId("delivery-unsubscribe-text");
        phrase.setMaxLength(DeliveryRules.MAX_UNSUBSCRIBE_TEXT);
        phrase.setHelperText(getTranslation("delivery.rules.unsubscribeTextHelp"));

        String required = getTranslation("validation.required");
        binder.forField(quietStart).asRequired(required).bind(d -> d.quietStart, (d, v) -> d.quietStart = v);
        binder.forField(quietEnd).asRequired(required).bind(d -> d.quietEnd, (d, v) -> d.quietEnd = v);
        binder.forField(cap).asRequired(required).bind(d -> d.cap, (d, v) -> d.cap = v);
        binder.forField(price).asRequired(required).bind(d -> d.price, (d, v) -> d.price = v);
        binder.forField(provider).bind(d -> d.provider, (d, v) -> d.provider = v);
        binder.forField(phrase).asRequired(required).bind(d -> d.phrase, (d, v) -> d.phrase = v);
        draft.quietStart = rules.quietStart();
        draft.quietEnd = rules.quietEnd();
        draft.cap = rules.weeklyCap();
        draft.price = rules.smsPricePerPart();
        draft.provider = rules.smsProvider();
        draft.phrase = rules.unsubscribeText();
        draft.version = rules.version();
        binder.setBean(draft);

        var save = new Button(getTranslation("action.save"), click -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, new DeliveryRules(draft.quietStart, draft.quietEnd, draft.cap,
                        draft.price, draft.provider, draft.phrase, draft.version)));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("delivery-rules-save");
        add(quietStart, quietEnd, cap, price, provider, phrase, save);
        setMaxWidth("48rem");
    }

    /** After a save: the version to save against next time. */
    void saved(DeliveryRules rules) {
        draft.version = rules.version();
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<RulesForm> {
        final DeliveryRules rules;

        SaveEvent(RulesForm source, DeliveryRules rules) {
            super(source, false);
            this.rules = rules;
        }
    }

    static final class Draft {
        LocalTime quietStart = LocalTime.of(21, 0);
        LocalTime quietEnd = LocalTime.of(9, 0);
        Integer cap = 2;
        BigDecimal price = BigDecimal.ZERO;
        @Nullable Provider provider;
        String phrase = "";
        int version = -1;
    }
}
