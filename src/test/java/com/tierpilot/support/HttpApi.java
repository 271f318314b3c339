package com.tierpilot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The REST API over real HTTP, as a shop system calls it: a bearer token and JSON. Redirects are not followed, so
 * that a redirect shows as what it is.
 */
public final class HttpApi {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final @Nullable String token;

    public HttpApi(String base, @Nullable String token) {
        this.base = base;
        this.token = token;
    }

    /** A request to {@code pathAndQuery}, exactly as written (no encoding is added or taken away). */
    public HttpResponse<String> send(String method, String pathAndQuery, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    /** The answer's media type without parameters, or "" when it has none. */
    public static String mediaType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").map(type -> type.split(";")[0].strip()).orElse("");
    }
}
