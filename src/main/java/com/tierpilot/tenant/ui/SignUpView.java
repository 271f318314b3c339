package com.tierpilot.tenant.ui;

import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.ui.LanguageSwitch;
import com.tierpilot.base.ui.Notifications;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
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
import org.springframework.beans.factory.annotation.Value;

/**
 * Self-service sign-up. It answers "check your mailbox" to every valid form: the company is created when its owner
 * opens the mailed link ({@link SignUpConfirmView}).
 */
@Route(value = "signup", autoLayout = false)
@PageTitle("signup.title")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(SignUpView.class);

    private final TenantService tenantService;
    private final String publicUrl;
    private final SignUpForm form = new SignUpForm();

    SignUpView(TenantService tenantService, @Value("${tierpilot.public-url:}") String publicUrl) {
        this.tenantService = tenantService;
        this.publicUrl = publicUrl;
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
            tenantService.signUp(command, clientIp, PublicAddress.of(publicUrl));
        } catch (UserFacingException e) {
            Notifications.error(this, e);
            return;
        }
        // The same answer whether the address already has an account or not (its owner is mailed instead).
        var sent = new Div(new H2(getTranslation("signup.checkMailbox.heading")),
                new Paragraph(getTranslation("signup.checkMailbox.text", command.email().strip())));
        sent.setId("signup-sent");
        sent.setMaxWidth("40rem");
        replace(form, sent);
    }
}
