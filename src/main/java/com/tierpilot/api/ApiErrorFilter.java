package com.tierpilot.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of every request to {@code /api/}, in front of the security filters: whatever fails on the
 * way, in a filter (the bearer-token check reading the database, the firewall) or in a controller, the client gets a
 * problem detail, never the servlet container's error page and never the UI (whose error handling would answer with
 * the Vaadin page or a redirect to the login page). A failure is 503 with {@code Retry-After} when the database is
 * unavailable and 500 otherwise; a {@code sendError} of any filter becomes a problem detail of its status.
 */
final class ApiErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorFilter.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiFailures.isApiRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var problems = new ProblemResponse(request, response);
        try {
            chain.doFilter(request, problems);
        } catch (IOException | ServletException | RuntimeException e) {
            ProblemDetail problem = ApiFailures.problemOf(e);
            if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                log.warn("API request {} {} failed: the database is unavailable ({})", request.getMethod(),
                        request.getRequestURI(), e.toString());
            } else {
                log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            }
            if (!ApiFailures.write(request, response, problem)) {
                throw e;
            }
        }
    }

    /** Answers a {@code sendError} with a problem detail instead of the container's error page. */
    private static final class ProblemResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, @Nullable String message) throws IOException {
            HttpStatus known = HttpStatus.resolve(status);
            if (known == null || isCommitted()) {
                super.sendError(status, message);
                return;
            }
            String detail = message == null || message.isBlank() ? known.getReasonPhrase() + "." : message;
            ProblemDetail problem = known == HttpStatus.SERVICE_UNAVAILABLE
                    ? ApiFailures.problem(known, ApiFailures.UNAVAILABLE_DETAIL) : ApiFailures.problem(known, detail);
            ApiFailures.write(request, (HttpServletResponse) getResponse(), problem);
        }
    }
}
