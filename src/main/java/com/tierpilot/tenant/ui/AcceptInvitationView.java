package com.tierpilot.tenant.ui;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.tenant.InvitationPreview;
import com.tierpilot.tenant.InvitationService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/** Where an invitation link leads: the invitee chooses a name and password and is signed in. */
@Route(value = "invite/:token", autoLayout = false)
@PageTitle("invite.title")
@AnonymousAllowed
public class AcceptInvitationView extends VerticalLayout implements BeforeEnterObserver {

    private final InvitationService invitations;

    AcceptInvitationView(InvitationService invitations) {
        this.invitations = invitations;
        addClassName("auth-page");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<InvitationPreview> preview = invitations.preview(token);
        if (preview.isEmpty()) {
            add(new H1(getTranslation("invite.invalid.heading")), new Paragraph(getTranslation("invite.error.invalid")),
                    new Anchor("login", getTranslation("signup.loginLink")));
            return;
        }
        InvitationPreview invitation = preview.get();
        add(new H1(getTranslation("invite.heading", invitation.tenantName())),
                new Paragraph(getTranslation("invite.intro", invitation.email(),
                        getTranslation(invitation.role().messageKey()))));

        var name = new TextField(getTranslation("signup.yourName"));
        name.setId("invite-name");
        name.setRequired(true);
        var password = new PasswordField(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.passwordHelp"));
        password.setId("invite-password");
        var accept = new Button(getTranslation("invite.accept"));
        accept.setId("invite-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickShortcut(Key.ENTER);
        accept.addClickListener(click -> {
            try {
                var link = invitations.accept(token, name.getValue(), password.getValue(), getLocale());
                getUI().ifPresent(ui -> ui.getPage().setLocation(link.path()));
            } catch (UserFacingException e) {
                Notifications.error(this, e);
            }
        });
        var form = new FormLayout(name, password, accept);
        form.setMaxWidth("30rem");
        add(form);
    }
}
