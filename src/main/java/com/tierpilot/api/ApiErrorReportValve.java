package com.tierpilot.api;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for the errors that Tomcat answers itself, before the application sees the request: an
 * address it will not decode (a NUL byte, {@code %00}), a request line it cannot read. Under {@code /api/} the
 * answer is a problem detail; elsewhere it is Tomcat's usual page, without server details. Installed as the host's
 * error report valve (see {@link ApiErrorConfig}); public because Tomcat creates it by its class name.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        String uri = request.getRequestURI();
        boolean api = uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
        int status = response.getStatus();
        if (!api || status < 400 || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ApiFailures.BLANK_TYPE.toString());
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", known == HttpStatus.BAD_REQUEST
                ? "The request's address or header cannot be read: it holds a character or an encoding that is not"
                        + " allowed (such as a NUL byte). Percent-encode each path segment (RFC 3986)."
                : known == HttpStatus.SERVICE_UNAVAILABLE ? ApiFailures.UNAVAILABLE_DETAIL
                : "The request could not be answered.");
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone, or the answer has begun: there is nothing more to say.
        }
    }
}
