package com.tierpilot.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;

/**
 * Spring Security's strict firewall, with one exception: in the customer code of the API's customer addresses
 * ({@code /api/v1/customers/{code}}, {@code /api/v1/loyalty/customers/{code}}) an encoded slash and an encoded
 * percent sign are allowed, so that a code such as {@code KH/2024/001} or {@code 10%OFF} can be read as
 * {@code /api/v1/customers/KH%2F2024%2F001}. Spring MVC decodes the path variable after matching, so the slash
 * never splits the address. A refused API request is answered with a 400 problem detail.
 */
@Component
class ApiFirewall implements HttpFirewall, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiFirewall.class);
    /** An address whose last segment is a customer code, as sent (still encoded). */
    private static final Pattern CUSTOMER_CODE_PATH = Pattern.compile("/api/v1/(loyalty/)?customers/[^/]+(/sales)?");

    private final StrictHttpFirewall strict = new StrictHttpFirewall();
    private final StrictHttpFirewall customerCodes = new StrictHttpFirewall();
    private final RequestRejectedHandler outsideTheApi = new HttpStatusRequestRejectedHandler();

    ApiFirewall() {
        customerCodes.setAllowUrlEncodedSlash(true);
        customerCodes.setAllowUrlEncodedDoubleSlash(true);
        customerCodes.setAllowUrlEncodedPercent(true);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        String uri = request.getRequestURI();
        boolean customerCode = uri != null && request.getContextPath().isEmpty()
                && CUSTOMER_CODE_PATH.matcher(uri).matches();
        return (customerCode ? customerCodes : strict).getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        if (!ApiFailures.isApiRequest(request)) {
            outsideTheApi.handle(request, response, rejected);
            return;
        }
        log.info("API request refused by the firewall: {}", rejected.getMessage());
        ApiFailures.write(request, response, ApiFailures.problem(HttpStatus.BAD_REQUEST, "The request's address or"
                + " a header holds something that is not allowed: " + rejected.getMessage()
                + ". Percent-encode each path segment (RFC 3986); an encoded slash (%2F) is allowed only in a"
                + " customer code."));
    }
}
