package com.tierpilot.tenant.ui;

import com.tierpilot.base.ui.LanguageSwitch;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;

/**
 * The login page. Spring Security checks the password; this view tells the user why a login failed: a wrong
 * e-mail or password (also when too many recent failures make the login wait), a deactivated account, or an expired
 * link.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("login.title")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("auth-page");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(null));

        var signup = new Anchor("signup", getTranslation("login.signupLink"));
        signup.setId("signup-link");
        var header = new H1(getTranslation("app.name"));
        header.addClassName("auth-title");
        var tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassName("auth-tagline");
        add(new LanguageSwitch(), header, tagline, login, new Div(signup));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            Object failure = VaadinSession.getCurrent().getSession()
                    .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            // One answer for an unknown address, a wrong password and a login that must wait: nothing tells which
            // addresses have accounts. Only someone who knew the password learns that the account is deactivated.
            String reason = failure instanceof DisabledException ? "disabled" : "badCredentials";
            login.setI18n(i18n(reason));
            login.setError(true);
        } else if (params.containsKey("expired")) {
            login.setI18n(i18n("linkExpired"));
            login.setError(true);
        }
    }

    private LoginI18n i18n(@Nullable String errorReason) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.formTitle"));
        form.setUsername(getTranslation("login.email"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        if (errorReason != null) {
            LoginI18n.ErrorMessage error = i18n.getErrorMessage();
            error.setTitle(getTranslation("login.error." + errorReason + ".title"));
            error.setMessage(getTranslation("login.error." + errorReason + ".message"));
            error.setUsername(getTranslation("login.error.usernameRequired"));
            error.setPassword(getTranslation("login.error.passwordRequired"));
        }
        return i18n;
    }
}
