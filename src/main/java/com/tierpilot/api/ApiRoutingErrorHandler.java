package com.tierpilot.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The errors Spring MVC raises before a controller is chosen, for a path under {@code /api/}: no such endpoint
 * (404), a method the endpoint does not take (405, with {@code Allow}), a content type it does not read (415). They
 * become problem details like every other API error; {@link ApiExceptionHandler} cannot answer them, as it only
 * serves this package's controllers and there is no controller yet. For any other path the exception is thrown on,
 * which leaves it to the usual handling of the UI.
 */
@RestControllerAdvice
class ApiRoutingErrorHandler {

    private static final URI BLANK_TYPE = URI.create("about:blank");

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> beforeAnyController(Exception e, HttpServletRequest request) throws Exception {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (!api || !(e instanceof ErrorResponse error)) {
            throw e;
        }
        ProblemDetail problem = error.getBody();
        if (e instanceof NoResourceFoundException) {
            problem.setDetail("There is no endpoint " + request.getMethod() + " " + request.getRequestURI()
                    + ". The endpoints are described at /v3/api-docs.");
        }
        problem.setType(BLANK_TYPE);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(problem);
    }
}
