package com.tierpilot.tenant.ui;

import com.tierpilot.base.Role;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.shared.Registration;

/** E-mail and role of a new user. Fires an {@link InviteEvent} when valid; the view calls the service. */
class InviteForm extends FormLayout {

    final EmailField email = new EmailField();
    final Select<Role> role = new Select<>();
    private final Binder<Draft> binder = new Binder<>(Draft.class);

    InviteForm() {
        email.setLabel(getTranslation("users.invite.email"));
        email.setId("invite-email");
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setId("invite-role");
        binder.forField(email).asRequired(getTranslation("validation.required"))
                .withValidator(new EmailValidator(getTranslation("validation.email")))
                .bind(Draft::getEmail, Draft::setEmail);
        binder.forField(role).asRequired(getTranslation("validation.required")).bind(Draft::getRole, Draft::setRole);
        binder.setBean(new Draft());
        add(email, role);
    }

    /** Validates and, when the input is fine, fires the event. */
    void submit() {
        if (binder.validate().isOk()) {
            fireEvent(new InviteEvent(this, binder.getBean().getEmail(), binder.getBean().getRole()));
        }
    }

    Registration addInviteListener(ComponentEventListener<InviteEvent> listener) {
        return addListener(InviteEvent.class, listener);
    }

    static final class InviteEvent extends ComponentEvent<InviteForm> {
        private final String email;
        private final Role role;

        InviteEvent(InviteForm source, String email, Role role) {
            super(source, false);
            this.email = email;
            this.role = role;
        }

        String email() {
            return email;
        }

        Role role() {
            return role;
        }
    }

    static final class Draft {
        private String email = "";
        private Role role = Role.MARKETER;

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        Role getRole() {
            return role;
        }

        void setRole(Role role) {
            this.role = role;
        }
    }
}
