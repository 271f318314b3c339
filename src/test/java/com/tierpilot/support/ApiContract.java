package com.tierpilot.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The published OpenAPI document ({@code /v3/api-docs}) as a check of real answers, with Atlassian's
 * swagger-request-validator: an answer whose status, media type or body the document does not describe is a
 * disagreement. API tests apply it to every answer they get.
 */
public final class ApiContract {

    /** One validator per document text: the document is the same for every test of one application. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final String document;

    private ApiContract(String document) {
        this.document = document;
        this.validator = VALIDATORS.computeIfAbsent(document,
                text -> OpenApiInteractionValidator.createForInlineApiSpecification(text).build());
    }

    /** The document the application publishes, read through MockMvc. */
    public static ApiContract of(MockMvc mvc) {
        try {
            return new ApiContract(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("The OpenAPI document cannot be read", e);
        }
    }

    /** The document the application publishes, read over HTTP. */
    public static ApiContract of(HttpApi api) {
        HttpResponse<String> answer = api.get("/v3/api-docs");
        Assertions.assertThat(answer.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
        return new ApiContract(answer.body());
    }

    public String document() {
        return document;
    }

    /**
     * What the document says is wrong with an answer to {@code method} on {@code path} (the address as sent, without
     * the query); empty when the document describes it.
     */
    public List<String> disagreements(String method, String path, int status, Map<String, List<String>> headers,
            String body) {
        var response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (!body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        // A request to an address or with a method that the document does not have (404, 405) is judged by its
        // answer alone elsewhere: the document cannot describe that answer.
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !m.getKey().startsWith("validation.request."))
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    public List<String> disagreements(String method, String path, HttpResponse<String> answer) {
        return disagreements(method, path, answer.statusCode(), answer.headers().map(), answer.body());
    }

    /** A MockMvc expectation: the answer is one the document describes. */
    public ResultMatcher conforms() {
        return result -> {
            MockHttpServletResponse response = result.getResponse();
            Map<String, List<String>> headers = response.getHeaderNames().stream()
                    .collect(Collectors.toMap(name -> name, name -> List.copyOf(response.getHeaders(name))));
            String method = result.getRequest().getMethod();
            String path = result.getRequest().getRequestURI();
            Assertions.assertThat(disagreements(method, path, response.getStatus(), headers,
                    response.getContentAsString(StandardCharsets.UTF_8)))
                    .as("%s %s answered %s, which the OpenAPI document does not describe", method, path,
                            response.getStatus())
                    .isEmpty();
        };
    }
}
