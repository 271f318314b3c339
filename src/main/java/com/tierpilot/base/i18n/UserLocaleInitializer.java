package com.tierpilot.base.i18n;

import com.tierpilot.base.security.CurrentUser;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new UI the signed-in user's saved language. Before sign-in, Vaadin picks the browser's language among
 * the provided ones.
 */
@Component
class UserLocaleInitializer implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    UserLocaleInitializer(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiInit -> currentUser.get()
                .ifPresent(user -> uiInit.getUI().setLocale(user.locale())));
    }
}
