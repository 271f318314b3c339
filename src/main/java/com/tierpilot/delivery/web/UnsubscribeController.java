package com.tierpilot.delivery.web;

import com.tierpilot.delivery.UnsubscribeService;
import com.tierpilot.delivery.UnsubscribeService.LinkPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of an e-mail. GET shows whose messages the link stops and a button, so that a mail scanner
 * opening the link unsubscribes nobody; POST unsubscribes, from that button or from the mail client's one-click
 * ({@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, RFC 8058). Both work without login and any number of
 * times. An unknown token gets the same 404 page whatever it looks like.
 */
@Controller
class UnsubscribeController {

    private final UnsubscribeService unsubscribes;
    private final MessageSource messages;

    UnsubscribeController(UnsubscribeService unsubscribes, MessageSource messages) {
        this.unsubscribes = unsubscribes;
        this.messages = messages;
    }

    @GetMapping("/unsubscribe/{token}")
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
        Locale locale = request.getLocale();
        return render(unsubscribes.page(token), locale, page -> page.alreadyUnsubscribed()
                ? paragraph(text("unsubscribe.done", locale, page.company()))
                : paragraph(text("unsubscribe.question", locale, page.company())) + "<form method=\"post\">"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">" + escape(text("unsubscribe.button", locale)) + "</button></form>");
    }

    @PostMapping("/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token, HttpServletRequest request) {
        Locale locale = request.getLocale();
        return render(unsubscribes.unsubscribe(token), locale,
                page -> paragraph(text("unsubscribe.done", locale, page.company())));
    }

    private ResponseEntity<String> render(Optional<LinkPage> page, Locale locale,
            java.util.function.Function<LinkPage, String> body) {
        String title = text("unsubscribe.title", locale);
        String content = page.map(body).orElseGet(() -> paragraph(text("unsubscribe.unknown", locale)));
        String html = "<!DOCTYPE html><html lang=\"" + escape(locale.toLanguageTag()) + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}"
                + "button{font-size:1rem;padding:.5rem 1rem}</style></head><body><h1>" + escape(title) + "</h1>"
                + content + "</body></html>";
        return ResponseEntity.status(page.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
