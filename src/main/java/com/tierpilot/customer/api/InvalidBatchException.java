package com.tierpilot.customer.api;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A batch request of which nothing can be written: the body is not an array of 1 to 1,000 items, or no item is valid.
 * Answered with 422 and the item errors, if any, as a problem detail that carries them; the shared exception handler
 * of the {@code api} module answers it like any other {@link ErrorResponseException}.
 */
class InvalidBatchException extends ErrorResponseException {

    InvalidBatchException(String detail, List<ItemError> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(detail, errors), null);
    }

    private static ProblemDetail problem(String detail, List<ItemError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }
}
