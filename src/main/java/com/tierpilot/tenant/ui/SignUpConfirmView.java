package com.tierpilot.tenant.ui;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.ui.LanguageSwitch;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.tenant.PendingSignUp;
import com.tierpilot.tenant.TenantService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/**
 * Where a sign-up's mailed link leads. Opening the link changes nothing (mail scanners open links too); the button
 * creates the company and signs its owner in.
 */
@Route(value = "signup/confirm/:token", autoLayout = false)
@PageTitle("signup.confirm.title")
@AnonymousAllowed
public class SignUpConfirmView extends VerticalLayout implements BeforeEnterObserver {

    private final TenantService tenantService;

    SignUpConfirmView(TenantService tenantService) {
        this.tenantService = tenantService;
        addClassName("auth-page");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new LanguageSwitch());
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<PendingSignUp> pending = tenantService.pendingSignUp(token);
        if (pending.isEmpty()) {
            var expired = new Paragraph(getTranslation("signup.confirm.expired"));
            expired.setId("signup-confirm-expired");
            add(new H1(getTranslation("signup.confirm.heading")), expired,
                    new Anchor("signup", getTranslation("signup.confirm.again")),
                    new Anchor("login", getTranslation("signup.loginLink")));
            return;
        }
        var signUp = pending.get();
        var activate = new Button(getTranslation("signup.confirm.submit"));
        activate.setId("signup-confirm");
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.setDisableOnClick(true);
        activate.addClickListener(click -> {
            try {
                var link = tenantService.confirmSignUp(token);
                getUI().ifPresent(ui -> ui.getPage().setLocation(link.path()));
            } catch (UserFacingException e) {
                activate.setEnabled(true);
                Notifications.error(this, e);
            }
        });
        add(new H1(getTranslation("signup.confirm.heading")),
                new Paragraph(getTranslation("signup.confirm.text", signUp.companyName(), signUp.email())), activate);
    }
}
