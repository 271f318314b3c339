package com.tierpilot.base.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.PageTitleContext;
import com.vaadin.flow.router.PageTitleGenerator;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Every {@code @PageTitle} holds a message key; this translates it into the user's language. */
@Component
class TranslatedPageTitles implements PageTitleGenerator {

    private final I18NProvider i18n;

    TranslatedPageTitles(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public String generatePageTitle(PageTitleContext context) {
        UI ui = UI.getCurrent();
        Locale locale = ui != null ? ui.getLocale() : SupportedLocales.ENGLISH;
        String app = i18n.getTranslation("app.name", locale);
        if (context.value() == null || context.value().isBlank()) {
            return app;
        }
        return i18n.getTranslation(context.value(), locale) + " · " + app;
    }
}
