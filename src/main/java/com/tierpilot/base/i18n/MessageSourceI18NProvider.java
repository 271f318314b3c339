package com.tierpilot.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Serves Vaadin's translations from Spring's {@code messages.properties} and {@code messages_zh_CN.properties}. A
 * missing key shows as {@code !key!} and is logged; the i18n test keeps that from reaching a release.
 */
@Component
class MessageSourceI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(MessageSourceI18NProvider.class);

    private final MessageSource messages;

    MessageSourceI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLocales.ALL;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, SupportedLocales.closest(locale));
        } catch (NoSuchMessageException e) {
            log.warn("Missing translation for key '{}' in {}", key, locale);
            return "!" + key + "!";
        }
    }
}
