package com.tierpilot.delivery.sms;

import com.tierpilot.delivery.SendResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP exchange with a provider: a network failure or an answer that is no JSON is a temporary failure. */
final class SmsHttp {

    private static final Logger log = LoggerFactory.getLogger(SmsHttp.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;

    SmsHttp(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The answer's JSON, or the temporary failure that stands for a network error or an unreadable answer. */
    sealed interface Answer {
    }

    record Json(int status, JsonNode body) implements Answer {
    }

    record Failed(SendResult result) implements Answer {
    }

    Answer exchange(HttpRequest request, String provider) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("{} did not answer: {}", provider, e.toString());
            return new Failed(SendResult.temporary("NETWORK", e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(SendResult.temporary("INTERRUPTED", null));
        }
        @Nullable JsonNode body = parse(response.body());
        if (body == null || !body.isObject()) {
            log.warn("{} answered HTTP {} without JSON", provider, response.statusCode());
            return new Failed(SendResult.temporary("HTTP_" + response.statusCode(), null));
        }
        return new Json(response.statusCode(), body);
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
