package com.tierpilot.delivery.web;

import com.tierpilot.delivery.OutboxService;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The tracked short link of a campaign message: {@code /l/<token>} counts the click and redirects (302) to the
 * campaign's link. Without login; the token is random and reveals neither the company nor the customer. An unknown
 * token is a 404, whatever it looks like.
 */
@Controller
class TrackedLinkController {

    private final OutboxService outbox;

    TrackedLinkController(OutboxService outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/l/{token}")
    ResponseEntity<Void> follow(@PathVariable String token) {
        return outbox.click(token).<ResponseEntity<Void>>map(target -> ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(target)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
