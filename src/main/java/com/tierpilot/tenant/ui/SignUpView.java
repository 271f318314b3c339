package com.tierpilot.tenant.ui;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.ui.LanguageSwitch;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.tenant.LoginLink;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Self-service sign-up: creates the tenant and its owner, then signs the owner in. */
@Route(value = "signup", autoLayout = false)
@PageTitle("signup.title")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(SignUpView.class);

    private final TenantService tenantService;
    private final SignUpForm form = new SignUpForm();

    SignUpView(TenantService tenantService) {
        this.tenantService = tenantService;
        addClassName("auth-page");
        setAlignItems(Alignment.CENTER);

        var title = new H1(getTranslation("signup.heading"));
        title.addClassName("auth-title");
        form.addClassName("signup-form");
        form.setMaxWidth("40rem");
        form.addSignUpListener(event -> signUp(event.command()));
        var loginLink = new Anchor("login", getTranslation("signup.loginLink"));
        add(new LanguageSwitch(), title, new Paragraph(getTranslation("signup.intro")), form, loginLink);

        addAttachListener(attach -> attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            try {
                if (details.getTimeZoneId() != null) {
                    form.suggestTimeZone(ZoneId.of(details.getTimeZoneId()));
                }
            } catch (DateTimeException unknownZone) {
                log.debug("Browser reported an unknown time zone; keeping the default", unknownZone);
            }
        }));
    }

    private void signUp(SignUpCommand command) {
        String clientIp = VaadinRequest.getCurrent() == null ? "unknown" : VaadinRequest.getCurrent().getRemoteAddr();
        try {
            LoginLink link = tenantService.signUp(command, clientIp);
            getUI().ifPresent(ui -> ui.getPage().setLocation(link.path()));
        } catch (UserFacingException e) {
            Notifications.error(this, e);
        }
    }
}
