package com.tierpilot.base.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Puts the session's CSRF token into every page as {@code <meta name="_csrf">} and {@code _csrf_parameter}: Vaadin's
 * login form reads them and sends the token with its native POST to {@code /login}, which requires it (see
 * {@link SecurityConfig}). Without them a page on another site could sign a browser in to an account of its choosing.
 */
@Component
class LoginCsrfMetaTags implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (response.getVaadinRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                var head = response.getDocument().head();
                head.appendElement("meta").attr("name", "_csrf_parameter").attr("content", token.getParameterName());
                head.appendElement("meta").attr("name", "_csrf").attr("content", token.getToken());
            }
        });
    }
}
