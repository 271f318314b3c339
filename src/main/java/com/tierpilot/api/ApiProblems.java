package com.tierpilot.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The REST API's answers when security refuses a request, as RFC 9457 problem details: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750) when the token is missing or not valid, 403 when the token
 * may not do what it asks.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final String REALM = "TierPilot API";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException reason) throws IOException {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        String detail;
        if (reason instanceof InvalidApiTokenException invalid) {
            challenge += ", error=\"invalid_token\", error_description=\"" + invalid.getMessage() + "\"";
            detail = invalid.getMessage() + " Send a valid token as 'Authorization: Bearer <token>'.";
        } else {
            detail = "This request needs an API token: send it as 'Authorization: Bearer <token>'."
                    + " The owner creates tokens in Settings, API tokens.";
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        log.warn("API request to {} {} refused: {}", request.getMethod(), request.getRequestURI(), denied.getMessage());
        write(request, response, HttpStatus.FORBIDDEN, "This API token may not do this.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ApiFailures.write(request, response, ApiFailures.problem(status, detail));
    }

    /** A bearer token that is malformed, unknown, revoked, or whose tenant is inactive. */
    static final class InvalidApiTokenException extends AuthenticationException {

        InvalidApiTokenException(String message) {
            super(message);
        }
    }
}
