package com.tierpilot.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What the REST API answers when a request fails for a reason that is not the client's: 503 Service Unavailable with
 * {@code Retry-After} when the database cannot be reached (no connection, a connection lost, a time-out), and 500
 * otherwise. Every such answer is an RFC 9457 problem detail; nothing was written (a write whose transaction did not
 * commit is rolled back), so the client retries the same request, with the same idempotency key or order number.
 */
public final class ApiFailures {

    /** Seconds a client should wait before it retries after a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String UNAVAILABLE_DETAIL = "The service cannot reach its database just now; nothing was"
            + " written. Retry the same request (with the same idempotency key or order number) after "
            + RETRY_AFTER_SECONDS + " seconds.";
    public static final String INTERNAL_DETAIL = "Something went wrong on our side. Please try again; if it keeps"
            + " happening, contact support.";
    /** The problem type of every API problem: the HTTP status says what went wrong (RFC 9457, section 4.2.1). */
    public static final URI BLANK_TYPE = URI.create("about:blank");
    /** SQLSTATE class 08: connection exception (SQL standard; MySQL, MariaDB and H2 use it). */
    private static final String CONNECTION_EXCEPTION = "08";

    private static final JacksonJsonHttpMessageConverter JSON = new JacksonJsonHttpMessageConverter();

    private ApiFailures() {
    }

    /** Whether a request under {@code /api/} made this request (by its address as sent, before any decoding). */
    public static boolean isApiRequest(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String api = request.getContextPath() + "/api";
        return uri != null && (uri.equals(api) || uri.startsWith(api + "/"));
    }

    /**
     * Whether the failure means that the database is unavailable for now: no connection could be had or made, a
     * connection broke, or the database did not answer in time. Anything in the chain of causes counts.
     */
    public static boolean databaseUnavailable(@Nullable Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
            // A commit or rollback that failed in the driver (the connection broke under it; its pool may have
            // closed it already, which says only "Connection is closed"), or an application failure that a failed
            // rollback hides.
            if (t instanceof TransactionSystemException system && (system.getCause() instanceof SQLException
                    || system.getApplicationException() != null && system.getApplicationException() != t
                            && databaseUnavailable(system.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }

    /** The status for a failure that is not the client's: 503 when the database is unavailable, else 500. */
    public static HttpStatus statusOf(Throwable failure) {
        return databaseUnavailable(failure) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The problem detail for a failure that is not the client's (see {@link #statusOf}). */
    public static ProblemDetail problemOf(Throwable failure) {
        HttpStatus status = statusOf(failure);
        return problem(status, status == HttpStatus.SERVICE_UNAVAILABLE ? UNAVAILABLE_DETAIL : INTERNAL_DETAIL);
    }

    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(BLANK_TYPE);
        return problem;
    }

    /** The headers a problem of this status needs: {@code Retry-After} on a 503. */
    public static HttpHeaders headersFor(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        return headers;
    }

    /**
     * Writes a problem detail as the whole answer, replacing whatever was buffered; does nothing once the answer is
     * committed (its status has gone out).
     *
     * @return whether it was written
     */
    public static boolean write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        response.resetBuffer();
        if (problem.getInstance() == null && request.getRequestURI() != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAnAddress) {
                // A raw address that is not a valid URI (the reason it was refused): left out.
            }
        }
        headersFor(problem).forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        var out = new ServletServerHttpResponse(response);
        out.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        JSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, out);
        out.flush();
        return true;
    }
}
