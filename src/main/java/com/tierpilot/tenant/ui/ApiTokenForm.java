package com.tierpilot.tenant.ui;

import com.tierpilot.tenant.ApiTokenService;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;

/** The name of a new API token. Fires a {@link CreateEvent} when valid; the view calls the service. */
class ApiTokenForm extends FormLayout {

    final TextField name = new TextField();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    ApiTokenForm() {
        name.setLabel(getTranslation("apiTokens.name"));
        name.setHelperText(getTranslation("apiTokens.nameHelp"));
        name.setId("api-token-name");
        name.setMaxLength(ApiTokenService.MAX_NAME_LENGTH);
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(new StringLengthValidator(
                        getTranslation("validation.maxLength", ApiTokenService.MAX_NAME_LENGTH), 1, ApiTokenService.MAX_NAME_LENGTH))
                .bind(Draft::getName, Draft::setName);
        binder.setBean(new Draft());
        add(name);
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            fireEvent(new CreateEvent(this, binder.getBean().getName()));
        }
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    static final class CreateEvent extends ComponentEvent<ApiTokenForm> {
        private final String name;

        CreateEvent(ApiTokenForm source, String name) {
            super(source, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    static final class Draft {
        private String name = "";

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }
    }
}
