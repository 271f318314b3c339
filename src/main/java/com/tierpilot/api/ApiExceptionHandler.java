package com.tierpilot.api;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.UserFacingException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns every failure of the REST API into an RFC 9457 problem detail ({@code application/problem+json}) with an
 * English {@code detail}. Spring MVC's own errors (405, 415, ...) come from {@link ResponseEntityExceptionHandler}.
 * Body that is not JSON at all is 400 Bad Request: the request cannot be parsed, which is a client bug; JSON that
 * parses but is not what the endpoint takes is 422 Unprocessable Content. It applies to every
 * {@code @RestController}: all of them are REST API controllers (the UI's one MVC controller, the login link, is a
 * plain {@code @Controller}); it comes before {@link ApiRoutingErrorHandler}, which answers what happens before a
 * controller is chosen.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /**
     * Every problem says its type: "about:blank", the HTTP status says what went wrong (RFC 9457, 4.2.1). Spring
     * leaves the type out unless it is set.
     */
    private static final URI BLANK_TYPE = URI.create("about:blank");

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, english(e));
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        log.info("API request refused in the present state: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, english(e));
    }

    @ExceptionHandler
    ProblemDetail userFacing(UserFacingException e) {
        log.info("API request refused: {}", e.getMessage());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, english(e));
    }

    @ExceptionHandler
    ProblemDetail accessDenied(AccessDeniedException e) {
        log.warn("API request denied: {}", e.getMessage());
        return problem(HttpStatus.FORBIDDEN, "This API token may not do this.");
    }

    /**
     * Anything else is not the client's fault: 503 with {@code Retry-After} when the database is unavailable (the
     * transaction did not commit, so nothing was written), else a bug on our side, logged in full (with the
     * tenant) and answered without internals.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        ProblemDetail problem = ApiFailures.problemOf(e);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            log.warn("API request failed: the database is unavailable ({})", e.toString());
        } else {
            log.error("API request failed", e);
        }
        return ResponseEntity.status(problem.getStatus()).headers(ApiFailures.headersFor(problem)).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON.";
        HttpStatus answer = HttpStatus.BAD_REQUEST;
        if (e.getMostSpecificCause() instanceof DatabindException | e.getMostSpecificCause() instanceof InputCoercionException) {
            // JSON, but a value of the wrong kind or out of range (a number beyond an int, a text for a date).
            JacksonException json = (JacksonException) e.getMostSpecificCause();
            answer = HttpStatus.UNPROCESSABLE_CONTENT;
            String field = json.getPath().stream().map(reference -> reference.getPropertyName() != null
                    ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = (field.isEmpty() ? "A value" : "The field '" + field + "'") + " has a value of the wrong kind or"
                    + " out of its range (see the schema at /v3/api-docs): " + json.getOriginalMessage();
        } else if (e.getMostSpecificCause() instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            detail = "The request body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + ": " + json.getOriginalMessage();
        }
        ProblemDetail problem = problem(answer, detail);
        return handleExceptionInternal(e, problem, headers, answer, request);
    }

    /** Spring MVC's own errors (405, 415, ...) get the type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(BLANK_TYPE);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(BLANK_TYPE);
        return problem;
    }

    private String english(UserFacingException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.ENGLISH);
    }
}
