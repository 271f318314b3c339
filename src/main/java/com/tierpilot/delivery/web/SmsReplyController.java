package com.tierpilot.delivery.web;

import com.tierpilot.delivery.UnsubscribeService;
import com.tierpilot.delivery.UnsubscribeService.Reply;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The SMS providers' reply callbacks, at the company's secret address. Alibaba Cloud posts a JSON array of
 * {@code {"phone_number", "content", ...}} (SmsUp) and wants {@code {"code": 0}}; Tencent Cloud posts
 * {@code {"mobile", "nationcode", "text", ...}} (one object or an array) and wants {@code {"result": 0}}. The answer
 * carries both. A reply with a stop word unsubscribes the number; repeating a callback changes nothing more.
 */
@RestController
class SmsReplyController {

    private final UnsubscribeService unsubscribes;

    SmsReplyController(UnsubscribeService unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @PostMapping(path = "/hooks/sms/replies/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> replies(@PathVariable String token, @RequestBody JsonNode body) {
        List<Reply> replies = ProviderCallbacks.entries(body, SmsReplyController::reply);
        return ProviderCallbacks.answer(unsubscribes.handleReplies(token, replies));
    }

    private static void reply(JsonNode node, List<Reply> replies) {
        String phone = node.path(node.has("phone_number") ? "phone_number" : "mobile").asString("");
        String text = node.path(node.has("content") ? "content" : "text").asString("");
        if (!phone.isBlank()) {
            replies.add(new Reply(phone, text));
        }
    }
}
