package com.tierpilot.delivery;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A company's message template for one channel, with a text per language ({@code zh-CN}, {@code en}); the customer's
 * language picks the text.
 */
public record MessageTemplate(long id, String name, ChannelKind channel, Map<String, Text> texts) {

    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";

    public MessageTemplate {
        texts = Map.copyOf(texts);
    }

    /**
     * One language's text: for e-mail a subject and an HTML body (the text part is made from it); for SMS the body as
     * approved in the provider's console, and that template's code there.
     */
    public record Text(String language, @Nullable String subject, String body, @Nullable String providerTemplate) {
    }

    /** The text in the customer's language, or the other one when the template has only that. */
    public Text textFor(String language) {
        Text text = texts.get(language);
        if (text != null) {
            return text;
        }
        return texts.getOrDefault(CHINESE, texts.get(ENGLISH));
    }
}
