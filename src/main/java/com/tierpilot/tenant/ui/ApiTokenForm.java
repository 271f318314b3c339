package com.tierpilot.tenant.ui;

import com.tierpilot.base.UserId;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
    /** The account manager a token is bound to (issue 20, data scope); empty for a company token. */
    final ComboBox<UserSummary> manager = new ComboBox<>();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    ApiTokenForm(List<UserSummary> managers) {
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
        if (!managers.isEmpty()) {
            manager.setLabel(getTranslation("apiTokens.manager"));
            manager.setHelperText(getTranslation("apiTokens.managerHelp"));
            manager.setId("api-token-manager");
            manager.setItems(managers);
            manager.setItemLabelGenerator(u -> u.displayName() + " (" + u.email() + ")");
            manager.setClearButtonVisible(true);
            add(manager);
        }
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            fireEvent(new CreateEvent(this, binder.getBean().getName(),
                    manager.getValue() == null ? null : manager.getValue().userId()));
        }
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    static final class CreateEvent extends ComponentEvent<ApiTokenForm> {
        private final String name;
        private final @Nullable UserId manager;

        CreateEvent(ApiTokenForm source, String name, @Nullable UserId manager) {
            super(source, false);
            this.name = name;
            this.manager = manager;
        }

        String name() {
            return name;
        }

        @Nullable UserId manager() {
            return manager;
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
