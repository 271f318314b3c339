package com.tierpilot.delivery.ui;

import com.tierpilot.delivery.Provider;
import com.tierpilot.delivery.SmsMessage;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * "Send test message": a provider, a mobile number, an approved template's code and its parameters, one
 * {@code name=value} per line in the template's order. One binder, a send event.
 */
class TestMessageForm extends FormLayout {

    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final Draft draft = new Draft();

    TestMessageForm(@Nullable Provider preferred) {
        var provider = new ComboBox<Provider>(getTranslation("delivery.test.provider"));
        provider.setId("delivery-test-provider");
        provider.setItems(Arrays.stream(Provider.values()).filter(p -> p.channel() == com.tierpilot.delivery
                .ChannelKind.SMS).toList());
        provider.setItemLabelGenerator(p -> getTranslation(p.labelKey()));
        var phone = new TextField(getTranslation("delivery.test.phone"));
        phone.setId("delivery-test-phone");
        var template = new TextField(getTranslation("delivery.test.template"));
        template.setId("delivery-test-template");
        template.setHelperText(getTranslation("delivery.test.templateHelp"));
        var params = new TextArea(getTranslation("delivery.test.params"));
        params.setId("delivery-test-params");
        params.setHelperText(getTranslation("delivery.test.paramsHelp"));

        String required = getTranslation("validation.required");
        binder.forField(provider).asRequired(required).bind(d -> d.provider, (d, v) -> d.provider = v);
        binder.forField(phone).asRequired(required).bind(d -> d.phone, (d, v) -> d.phone = v);
        binder.forField(template).asRequired(required).bind(d -> d.template, (d, v) -> d.template = v);
        binder.forField(params).withValidator(v -> parse(v) != null, getTranslation("delivery.test.paramsInvalid"))
                .bind(d -> d.params, (d, v) -> d.params = v);
        draft.provider = preferred;
        binder.setBean(draft);

        var send = new Button(getTranslation("delivery.test.send"), click -> {
            Map<String, String> parsed = parse(draft.params);
            if (binder.validate().isOk() && parsed != null && draft.provider != null) {
                fireEvent(new SendEvent(this, draft.provider, SmsMessage.of(draft.phone.strip(),
                        draft.template.strip(), parsed)));
            }
        });
        send.setId("delivery-test-send");
        add(provider, phone, template, params, send);
        setMaxWidth("48rem");
    }

    /** {@code name=value} lines in order; null when a non-blank line has no name. */
    static @Nullable Map<String, String> parse(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).isBlank()) {
                return null;
            }
            params.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return params;
    }

    Registration addSendListener(ComponentEventListener<SendEvent> listener) {
        return addListener(SendEvent.class, listener);
    }

    static final class SendEvent extends ComponentEvent<TestMessageForm> {
        final Provider provider;
        final SmsMessage message;

        SendEvent(TestMessageForm source, Provider provider, SmsMessage message) {
            super(source, false);
            this.provider = provider;
            this.message = message;
        }
    }

    static final class Draft {
        @Nullable Provider provider;
        String phone = "";
        String template = "";
        String params = "";
    }
}
