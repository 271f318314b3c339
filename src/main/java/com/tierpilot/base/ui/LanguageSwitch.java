package com.tierpilot.base.ui;

import com.tierpilot.base.i18n.SupportedLocales;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/**
 * The language picker of the pages shown before sign-in. It starts at the browser's language and changes the
 * session's language; after sign-in the user's saved choice applies.
 */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(SupportedLocales.ALL);
        setItemLabelGenerator(locale -> getTranslation("language." + locale.toLanguageTag()));
        setId("language-switch");
        addClassName("language-switch");
        addAttachListener(attach -> setValue(SupportedLocales.closest(attach.getUI().getLocale())));
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                VaadinSession.getCurrent().setLocale(change.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
