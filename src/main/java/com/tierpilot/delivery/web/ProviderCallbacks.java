package com.tierpilot.delivery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * What the SMS providers' callbacks (replies and status reports) share: a body that is one JSON object or an array
 * of them, and an answer both providers understand, Alibaba Cloud's {@code {"code": 0}} and Tencent Cloud's
 * {@code {"result": 0}} in one object (404 with both for an unknown callback address).
 */
final class ProviderCallbacks {

    private ProviderCallbacks() {
    }

    /** The entries of the body, each read by {@code read} (which may skip it). */
    static <T> List<T> entries(JsonNode body, BiConsumer<JsonNode, List<T>> read) {
        List<T> entries = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(node -> read.accept(node, entries));
        } else {
            read.accept(body, entries);
        }
        return entries;
    }

    /** OK when the callback address was a company's, 404 when it was unknown. */
    static ResponseEntity<Map<String, Object>> answer(Optional<?> handled) {
        return handled.map(done -> ResponseEntity.ok(Map.<String, Object>of("code", 0, "msg", "OK", "result", 0,
                "errmsg", "OK")))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", 404, "msg",
                        "unknown callback address", "result", 404, "errmsg", "unknown callback address")));
    }
}
