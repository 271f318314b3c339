package com.tierpilot.tenant.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;

/** The public base address of this installation, for links sent by mail. */
final class PublicAddress {

    private PublicAddress() {
    }

    /**
     * {@code configured} ({@code tierpilot.public-url}) when set, else the address the current request came to
     * (scheme, host, port and context path).
     */
    static String of(String configured) {
        if (!configured.isBlank()) {
            return configured;
        }
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet) {
            var http = servlet.getHttpServletRequest();
            String port = (http.getScheme().equals("http") && http.getServerPort() == 80)
                    || (http.getScheme().equals("https") && http.getServerPort() == 443) ? ""
                            : ":" + http.getServerPort();
            return http.getScheme() + "://" + http.getServerName() + port + http.getContextPath();
        }
        return "";
    }
}
